package form

import "strings"

// Login is the moderators' login form.
type Login struct {
	Email    string
	Password string
	Next     string
}

// NewLogin reads the form.
func NewLogin(v Values) Login {
	return Login{Email: strings.TrimSpace(get(v, "email")), Password: get(v, "password"), Next: get(v, "next")}
}

// Validate checks the fields' shape only; whether they match an account
// is the handler's question.
func (f *Login) Validate() Errors {
	errs := Errors{}
	switch msg := Text(f.Email, MaxEmail); {
	case msg != "":
		errs.Add("email", msg)
	case f.Email == "":
		errs.Add("email", "Enter your email address.")
	}
	switch {
	case f.Password == "":
		errs.Add("password", "Enter your password.")
	case len(f.Password) > 1024:
		errs.Add("password", "This is longer than any password here.")
	}
	if !SafeNext(f.Next) {
		f.Next = ""
	}
	return errs
}

// SafeNext reports whether a post-login redirect target stays on this
// site: a path, not "//host" or a scheme.
func SafeNext(next string) bool {
	return strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\") &&
		len(next) <= 500 && Text(next, 500) == ""
}

// Decision is a moderator's approve/reject form.
type Decision struct {
	Comment string
}

// NewDecision reads the form.
func NewDecision(v Values) Decision {
	return Decision{Comment: strings.TrimSpace(get(v, "comment"))}
}

// Validate checks the comment.
func (f *Decision) Validate() Errors {
	errs := Errors{}
	errs.Add("comment", Multiline(f.Comment, MaxNote))
	return errs
}

// Revert is a moderator's "revert to this" form on a result's page.
type Revert struct {
	Revision int64
	Version  int
	Comment  string
}

// NewRevert reads and validates the form.
func NewRevert(v Values) (Revert, Errors) {
	errs := Errors{}
	var f Revert
	f.Comment = strings.TrimSpace(get(v, "comment"))
	errs.Add("comment", Multiline(f.Comment, MaxNote))
	rev, ok := ID(get(v, "revision"))
	if !ok {
		errs.Add("revision", "Choose a revision to revert to.")
	}
	ver, ok := ID(get(v, "version"))
	if !ok || ver > 1<<31-1 {
		errs.Add("version", "The form does not say which version of the result you saw; reload the page.")
	}
	f.Revision, f.Version = rev, int(ver)
	return f, errs
}
