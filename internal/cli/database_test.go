package cli_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/benchboard/benchboard/internal/cli"
	"github.com/benchboard/benchboard/internal/testdb"
)

// TestMissingDatabase: a DATABASE_URL naming a database that does not
// exist yet gets it created when the user may create databases, and an
// error saying how to create it when not. `user add` reads the password
// before it touches any database, so a refused add creates nothing.
func TestMissingDatabase(t *testing.T) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, testdb.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	// Closed by a cleanup, not a defer: the drops below are cleanups too,
	// and cleanups run after the test function has returned (last in,
	// first out, so this one runs after them).
	t.Cleanup(func() { admin.Close(context.Background()) })
	exists := func(name string) bool {
		var ok bool
		if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	fresh := func() string {
		b := make([]byte, 5)
		rand.Read(b)
		name := "bbtest_missing_" + hex.EncodeToString(b)
		t.Cleanup(func() {
			if _, err := admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
				t.Errorf("drop %s: %v", name, err)
			}
		})
		return name
	}
	withUser := func(user, name string) string {
		u, _ := url.Parse(testdb.URL(name))
		if user != "" {
			u.User = url.User(user)
		}
		return u.String()
	}
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := cli.Run(ctx, args, strings.NewReader(""), &out, &out)
		return out.String(), err
	}

	// user add without a password: refused before any database is made.
	name := fresh()
	t.Setenv("DATABASE_URL", withUser("", name))
	t.Setenv("BENCHBOARD_PASSWORD", "")
	if _, err := run("user", "add", "ada@example.org", "--name", "Ada"); err == nil || !strings.Contains(err.Error(), "BENCHBOARD_PASSWORD") {
		t.Fatalf("user add without a password: %v", err)
	}
	if exists(name) {
		t.Fatal("user add created a database before it had the password")
	}

	// migrate on a missing database: made, migrated, and named.
	out, err := run("migrate")
	if err != nil {
		t.Fatalf("migrate on a missing database: %v\n%s", err, out)
	}
	if !exists(name) || !strings.Contains(out, fmt.Sprintf("using database %q", name)) {
		t.Fatalf("the database was not made, or the command did not say which it used: %s", out)
	}

	// A user who may not create databases is told how to.
	role := "bbtest_nocreate_" + name[len(name)-10:]
	if _, err := admin.Exec(ctx, "CREATE ROLE "+role+" LOGIN NOCREATEDB"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(context.Background(), "DROP ROLE IF EXISTS "+role) })
	other := fresh()
	t.Setenv("DATABASE_URL", withUser(role, other))
	_, err = run("migrate")
	if err == nil || !strings.Contains(err.Error(), "createdb") || !strings.Contains(err.Error(), `CREATE DATABASE "`+other+`"`) {
		t.Fatalf("no permission to create: %v, want an error saying how to create it", err)
	}
	if exists(other) {
		t.Fatal("a database was made by a user who may not")
	}
}
