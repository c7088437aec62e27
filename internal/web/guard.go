package web

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Against spam, besides CSRF and the moderation queue itself: a honeypot
// field people never see, a signed timestamp that a form must carry and
// that must be old enough for a person to have filled the form, and a
// per-address rate limit kept in Postgres.

const honeypotField = "website"

// formGuard is what a form page passes its template for the hidden fields.
func (s *Server) formGuard() string { return s.sec.formStamp() }

// botCheck runs before a form's fields are validated. A filled honeypot or
// a missing or forged timestamp is a 400, a stamp sent back a second time
// a 409; a form sent faster than a person could fill it (or after a day)
// gets a message for the form as a whole and is shown again with a fresh
// timestamp.
func (s *Server) botCheck(ctx context.Context, c *fiber.Ctx) (formMsg string, err error) {
	if c.FormValue(honeypotField) != "" {
		return "", fiber.NewError(fiber.StatusBadRequest,
			"This form was refused: a field that people never see (it says \"leave this empty\") was filled in, as programs do. If you are a person, reload the page and send the form again.")
	}
	served, nonce, ok := s.sec.stampTime(c.FormValue("_ts"))
	if !ok {
		return "", fiber.NewError(fiber.StatusBadRequest,
			"This form was refused: it does not carry the time it was served. Reload the page and send the form again.")
	}
	switch age := time.Since(served); {
	case age < s.sec.minFill:
		return "This form was sent within a few seconds of opening it, faster than a person types. Please check it and send it again.", nil
	case age > formMaxAge:
		return "This form was open for more than a day. Please check it and send it again.", nil
	}
	// Each served form is accepted once, on whichever instance: the
	// stamp's nonce is kept in Postgres until the stamp expires.
	first, err := s.store.UseFormStamp(ctx, nonce, served.Add(formMaxAge+time.Minute))
	if err != nil {
		return "", err
	}
	if !first {
		return "", fiber.NewError(fiber.StatusConflict,
			"This form has been sent already: each form is accepted once. If you saw no confirmation, open the form again and send it from there.")
	}
	return "", nil
}

// limitSubmissions allows each address SubmitPerHour suggestions an hour,
// counted in Postgres so that every instance shares the budget. Each POST
// counts, valid or not.
func (s *Server) limitSubmissions(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	ok, retry, err := s.store.Allow(ctx, "submit:"+s.limitKey(c), s.sec.perHour, time.Hour)
	if err != nil {
		return err
	}
	if !ok {
		return tooMany(c, retry, fmt.Sprintf("You have sent more than %d suggestions from your address in the last hour.", s.sec.perHour))
	}
	return c.Next()
}

// tooMany is the 429 page: what happened and when to try again.
func tooMany(c *fiber.Ctx, retry time.Duration, what string) error {
	secs := int(retry.Round(time.Second) / time.Second)
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
	at := time.Now().Add(retry).UTC().Format("15:04 UTC")
	return fiber.NewError(fiber.StatusTooManyRequests,
		fmt.Sprintf("%s Please try again in %s (after %s).", what, humanDuration(retry), at))
}

func humanDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		n := int(d.Round(time.Second) / time.Second)
		return plural(max(n, 1), "second")
	case d < time.Hour:
		return plural(int((d+time.Minute-1)/time.Minute), "minute")
	}
	return plural(int((d+time.Hour-1)/time.Hour), "hour")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}
