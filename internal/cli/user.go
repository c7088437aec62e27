package cli

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/benchboard/benchboard/internal/password"
	"github.com/benchboard/benchboard/internal/store"
)

const userUsage = `usage:
  benchboard user add <email>      add a moderator; the password is read from the
                                   terminal (not echoed) or from BENCHBOARD_PASSWORD
  benchboard user password <email> set a new password (read as for add) and end the
                                   moderator's sessions; a disabled account stays disabled
  benchboard user list             list moderators
  benchboard user disable <email>  stop a moderator from logging in and end their sessions`

// userCmd manages moderator accounts.
func userCmd(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user: %w: name a sub-command", errUsage)
	}
	sub, rest := args[0], args[1:]
	need := map[string]int{"add": 1, "password": 1, "list": 0, "disable": 1}
	n, ok := need[sub]
	if !ok || len(rest) != n {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user %s: %w", joinArgs(args), errUsage)
	}
	st, closeStore, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	switch sub {
	case "add":
		return userAdd(ctx, e, st, rest[0])
	case "password":
		return userPassword(ctx, e, st, rest[0])
	case "disable":
		ended, err := st.DisableUser(ctx, rest[0])
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("user disable: no moderator has the email %s", store.NormalizeEmail(rest[0]))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "disabled %s; %d session(s) ended\n", store.NormalizeEmail(rest[0]), ended)
		return nil
	}
	return userList(ctx, e, st)
}

func userAdd(ctx context.Context, e *env, st *store.Store, email string) error {
	email = store.NormalizeEmail(email)
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		return fmt.Errorf("user add: %q is not an email address such as ada@example.org", email)
	}
	hash, err := newPasswordHash(e)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	if _, err := st.CreateUser(ctx, email, hash); err != nil {
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("user add: a moderator with the email %s exists already", email)
		}
		return err
	}
	fmt.Fprintf(e.stdout, "added moderator %s\n", email)
	return nil
}

// userPassword replaces a moderator's password: the way back in for one
// who forgot it, and the way out for a password that leaked, so every
// session of theirs ends with it.
func userPassword(ctx context.Context, e *env, st *store.Store, email string) error {
	email = store.NormalizeEmail(email)
	hash, err := newPasswordHash(e)
	if err != nil {
		return fmt.Errorf("user password: %w", err)
	}
	ended, err := st.SetPassword(ctx, email, hash)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("user password: no moderator has the email %s", email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "new password set for %s; %d session(s) ended\n", email, ended)
	return nil
}

// newPasswordHash reads a new password and hashes it.
func newPasswordHash(e *env) (string, error) {
	pw, err := readPassword(e)
	if err != nil {
		return "", err
	}
	return password.Hash(pw)
}

// readPassword takes BENCHBOARD_PASSWORD if set (for scripts), else asks
// twice on the terminal without echo.
func readPassword(e *env) (string, error) {
	if pw := os.Getenv("BENCHBOARD_PASSWORD"); pw != "" {
		return pw, password.Check(pw)
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no terminal to read the password from: set BENCHBOARD_PASSWORD")
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(e.stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	pw, err := ask(fmt.Sprintf("Password (at least %d characters): ", password.MinLength))
	if err != nil {
		return "", err
	}
	if err := password.Check(pw); err != nil {
		return "", err
	}
	again, err := ask("Again: ")
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", errors.New("the two passwords differ")
	}
	return pw, nil
}

func userList(ctx context.Context, e *env, st *store.Store) error {
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EMAIL\tSTATUS\tCREATED\tLAST LOGIN")
	for _, u := range users {
		status := "active"
		if u.DisabledAt != nil {
			status = "disabled " + u.DisabledAt.UTC().Format("2006-01-02")
		}
		last := "never"
		if u.LastLoginAt != nil {
			last = u.LastLoginAt.UTC().Format("2006-01-02 15:04 UTC")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Email, status, u.CreatedAt.UTC().Format("2006-01-02"), last)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(users) == 0 {
		fmt.Fprintln(e.stdout, strings.TrimSpace("no moderators yet: add one with `benchboard user add <email>`"))
	}
	return nil
}
