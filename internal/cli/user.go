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
  benchboard user add <email> --name "<display name>"
                                   add a moderator; the display name is what public
                                   pages show for their changes (the email never
                                   leaves the moderation area); the password is read
                                   from the terminal (not echoed) or BENCHBOARD_PASSWORD
  benchboard user password <email> set a new password (read as for add) and end the
                                   moderator's sessions; a disabled account stays disabled
  benchboard user name <email> "<display name>"
                                   change the name public pages show
  benchboard user list             list moderators
  benchboard user disable <email>  stop a moderator from logging in and end their sessions`

// userCmd manages moderator accounts. Everything that can be checked
// without the database (the email, the name, the password typed twice) is
// checked before it is opened, so a mistake changes nothing anywhere.
func userCmd(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user: %w: name a sub-command", errUsage)
	}
	sub := args[0]
	var name string
	rest, err := userArgs(args[1:], &name)
	if err != nil {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user %s: %w: %v", sub, errUsage, err)
	}
	need := map[string]int{"add": 1, "password": 1, "name": 2, "list": 0, "disable": 1}
	n, ok := need[sub]
	if !ok || len(rest) != n || (name != "" && sub != "add") {
		fmt.Fprintln(e.stderr, userUsage)
		return fmt.Errorf("user %s: %w", joinArgs(args), errUsage)
	}
	var hash string
	switch sub {
	case "add":
		if err := checkEmail(rest[0]); err != nil {
			return fmt.Errorf("user add: %w", err)
		}
		if name == "" {
			return errors.New(`user add: --name is missing: give the name public pages show for this moderator's changes, such as --name "Ada L."`)
		}
		if err := store.CheckDisplayName(name); err != nil {
			return fmt.Errorf("user add: --name: %w", err)
		}
		if hash, err = newPasswordHash(e); err != nil {
			return fmt.Errorf("user add: %w", err)
		}
	case "password":
		if hash, err = newPasswordHash(e); err != nil {
			return fmt.Errorf("user password: %w", err)
		}
	case "name":
		if err := store.CheckDisplayName(rest[1]); err != nil {
			return fmt.Errorf("user name: %w", err)
		}
	}
	st, closeStore, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	switch sub {
	case "add":
		return userAdd(ctx, e, st, rest[0], name, hash)
	case "password":
		return userPassword(ctx, e, st, rest[0], hash)
	case "name":
		return userName(ctx, e, st, rest[0], rest[1])
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

// userArgs takes --name (or -name, --name=…) from anywhere in args and
// returns the other arguments in order.
func userArgs(args []string, name *string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--name" || a == "-name":
			if i+1 == len(args) {
				return nil, errors.New("--name needs a value")
			}
			*name = args[i+1]
			i++
		case strings.HasPrefix(a, "--name=") || strings.HasPrefix(a, "-name="):
			_, *name, _ = strings.Cut(a, "=")
		case strings.HasPrefix(a, "-") && len(a) > 1:
			return nil, fmt.Errorf("unknown flag %s", a)
		default:
			rest = append(rest, a)
		}
	}
	return rest, nil
}

func checkEmail(email string) error {
	email = store.NormalizeEmail(email)
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		return fmt.Errorf("%q is not an email address such as ada@example.org", email)
	}
	return nil
}

func userAdd(ctx context.Context, e *env, st *store.Store, email, name, hash string) error {
	email = store.NormalizeEmail(email)
	if _, err := st.CreateUser(ctx, email, name, hash); err != nil {
		switch {
		case errors.Is(err, store.ErrExists):
			return fmt.Errorf("user add: a moderator with the email %s exists already", email)
		case errors.Is(err, store.ErrNameTaken):
			return fmt.Errorf("user add: another moderator is called %q already; choose another --name", name)
		}
		return err
	}
	fmt.Fprintf(e.stdout, "added moderator %s, shown publicly as %q\n", email, name)
	return nil
}

func userName(ctx context.Context, e *env, st *store.Store, email, name string) error {
	err := st.SetDisplayName(ctx, email, name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("user name: no moderator has the email %s", store.NormalizeEmail(email))
	case errors.Is(err, store.ErrNameTaken):
		return fmt.Errorf("user name: another moderator is called %q already", name)
	case err != nil:
		return err
	}
	fmt.Fprintf(e.stdout, "%s is now shown publicly as %q\n", store.NormalizeEmail(email), name)
	return nil
}

// userPassword replaces a moderator's password: the way back in for one
// who forgot it, and the way out for a password that leaked, so every
// session of theirs ends with it.
func userPassword(ctx context.Context, e *env, st *store.Store, email, hash string) error {
	email = store.NormalizeEmail(email)
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
	fmt.Fprintln(w, "EMAIL\tSHOWN AS\tSTATUS\tCREATED\tLAST LOGIN")
	for _, u := range users {
		status := "active"
		if u.DisabledAt != nil {
			status = "disabled " + u.DisabledAt.UTC().Format("2006-01-02")
		}
		last := "never"
		if u.LastLoginAt != nil {
			last = u.LastLoginAt.UTC().Format("2006-01-02 15:04 UTC")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Email, u.DisplayName, status, u.CreatedAt.UTC().Format("2006-01-02"), last)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(users) == 0 {
		fmt.Fprintln(e.stdout, strings.TrimSpace("no moderators yet: add one with `benchboard user add <email> --name <display name>`"))
	}
	return nil
}
