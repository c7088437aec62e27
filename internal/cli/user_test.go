package cli_test

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

func count(t *testing.T, db *gorm.DB, q string) int {
	t.Helper()
	var n int
	if err := db.Raw(q).Row().Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func dbName(dsn string) string {
	u, _ := url.Parse(dsn)
	return strings.TrimPrefix(u.Path, "/")
}

func TestUserCommands(t *testing.T) {
	db, dsn := testdb.Open(t)
	t.Setenv("DATABASE_URL", dsn)
	run := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := cli.Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
		return out.String() + errOut.String(), err
	}
	t.Setenv("BENCHBOARD_PASSWORD", "too short")
	if _, err := run("user", "add", "ada@example.org", "--name", "Ada"); err == nil || !strings.Contains(err.Error(), "at least 12") {
		t.Errorf("short password: %v", err)
	}
	t.Setenv("BENCHBOARD_PASSWORD", "")
	if _, err := run("user", "add", "ada@example.org", "--name", "Ada"); err == nil || !strings.Contains(err.Error(), "BENCHBOARD_PASSWORD") {
		t.Errorf("no terminal, no variable: %v", err)
	}
	t.Setenv("BENCHBOARD_PASSWORD", "a long enough password")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"ada@example.org"}, "--name is missing"},
		{[]string{"ada@example.org", "--name", "ada@example.org"}, "must not be an email address"},
		{[]string{"ada@example.org", "--name", " Ada"}, "starts or ends with a space"},
		{[]string{"ada@example.org", "--name"}, "--name needs a value"},
		{[]string{"ada@example.org", "--nmae", "Ada"}, "unknown flag --nmae"},
		{[]string{"not-an-email", "--name", "Ada"}, "not an email address"},
	} {
		if _, err := run(append([]string{"user", "add"}, tc.args...)...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("user add %q: %v, want an error saying %q", tc.args, err, tc.want)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM users`); n != 0 {
		t.Fatalf("%d users after refused commands", n)
	}
	out, err := run("user", "add", "--name", "Ada L.", " Ada@Example.org ")
	if err != nil || !strings.Contains(out, `added moderator ada@example.org, shown publicly as "Ada L."`) {
		t.Fatalf("add: %v %s", err, out)
	}
	if want := `using database "` + dbName(dsn) + `"`; !strings.Contains(out, want) {
		t.Errorf("add does not say which database it writes to (%q): %s", want, out)
	}
	if _, err := run("user", "add", "ada@example.org", "--name", "Ada 2"); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("add twice: %v", err)
	}
	if _, err := run("user", "add", "bob@example.org", "--name=ada l."); err == nil || !strings.Contains(err.Error(), "called") {
		t.Errorf("a display name twice: %v", err)
	}
	out, err = run("user", "list")
	if err != nil || !strings.Contains(out, "ada@example.org") || !strings.Contains(out, "Ada L.") || !strings.Contains(out, "active") {
		t.Errorf("list: %v %s", err, out)
	}
	if out, err := run("user", "name", "ada@example.org", "Ada Lovelace"); err != nil || !strings.Contains(out, `shown publicly as "Ada Lovelace"`) {
		t.Errorf("name: %v %s", err, out)
	}
	if _, err := run("user", "name", "nobody@example.org", "Nobody"); err == nil || !strings.Contains(err.Error(), "no moderator") {
		t.Errorf("name of nobody: %v", err)
	}
	// A new password ends every session of the old one.
	if err := db.Exec(`INSERT INTO sessions (id_hash, user_id, expires_at)
		SELECT sha256('s'::bytea), id, now() + interval '1 hour' FROM users WHERE email = 'ada@example.org'`).Error; err != nil {
		t.Fatal(err)
	}
	t.Setenv("BENCHBOARD_PASSWORD", "another long password")
	if out, err := run("user", "password", "ADA@example.org"); err != nil || !strings.Contains(out, "new password set for ada@example.org; 1 session(s) ended") {
		t.Fatalf("password: %v %s", err, out)
	}
	_, hash, err := store.New(db, nil).UserLogin(context.Background(), "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	for pw, want := range map[string]bool{"another long password": true, "a long enough password": false} {
		if ok, err := password.Verify(pw, hash); err != nil || ok != want {
			t.Errorf("after the change, %q verifies %v, want %v (%v)", pw, ok, want, err)
		}
	}
	if _, err := run("user", "password", "nobody@example.org"); err == nil || !strings.Contains(err.Error(), "no moderator") {
		t.Errorf("password of nobody: %v", err)
	}
	if out, err := run("user", "disable", "ada@example.org"); err != nil || !strings.Contains(out, "disabled ada@example.org") {
		t.Errorf("disable: %v %s", err, out)
	}
	if out, _ := run("user", "list"); !strings.Contains(out, "disabled") {
		t.Errorf("list after disable: %s", out)
	}
	if _, err := run("user", "disable", "nobody@example.org"); err == nil {
		t.Error("disabled a user that does not exist")
	}
	if _, err := run("user"); err == nil {
		t.Error("no sub-command accepted")
	}
}
