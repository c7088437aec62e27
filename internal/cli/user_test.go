package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/testdb"
)

func TestUserCommands(t *testing.T) {
	db, dsn := testdb.Open(t)
	t.Setenv("DATABASE_URL", dsn)
	run := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := cli.Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
		return out.String() + errOut.String(), err
	}
	t.Setenv("BENCHBOARD_PASSWORD", "too short")
	if _, err := run("user", "add", "ada@example.org"); err == nil || !strings.Contains(err.Error(), "at least 12") {
		t.Errorf("short password: %v", err)
	}
	t.Setenv("BENCHBOARD_PASSWORD", "")
	if _, err := run("user", "add", "ada@example.org"); err == nil || !strings.Contains(err.Error(), "BENCHBOARD_PASSWORD") {
		t.Errorf("no terminal, no variable: %v", err)
	}
	t.Setenv("BENCHBOARD_PASSWORD", "a long enough password")
	if out, err := run("user", "add", " Ada@Example.org "); err != nil || !strings.Contains(out, "added moderator ada@example.org") {
		t.Fatalf("add: %v %s", err, out)
	}
	if _, err := run("user", "add", "ada@example.org"); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("add twice: %v", err)
	}
	if _, err := run("user", "add", "not-an-email"); err == nil {
		t.Error("accepted a bad email")
	}
	out, err := run("user", "list")
	if err != nil || !strings.Contains(out, "ada@example.org") || !strings.Contains(out, "active") {
		t.Errorf("list: %v %s", err, out)
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
