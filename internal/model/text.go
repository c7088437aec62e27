package model

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckURL accepts absolute http and https URLs only.
func CheckURL(s string) error {
	if len(s) > 2000 {
		return fmt.Errorf("URL is %d bytes long; at most 2000", len(s))
	}
	// url.Parse lowers the scheme; the database's check does not.
	lower := strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
	u, err := url.Parse(s)
	if err != nil || !lower || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", Clip(s))
	}
	return nil
}

// IsWebURL says whether s, trimmed, is an http or https URL the database
// takes.
func IsWebURL(s string) bool { return CheckURL(strings.TrimSpace(s)) == nil }

// CleanText makes text fit for the store: valid UTF-8, no NUL (Postgres
// refuses it), trimmed and at most n bytes, cut on a character boundary.
func CleanText(s string, n int) string {
	s = strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD"))
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return strings.TrimSpace(s[:n])
}
