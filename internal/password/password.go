// Package password hashes and checks moderators' passwords with argon2id,
// stored in the PHC string format so that the parameters can be raised
// later without invalidating old hashes.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// MinLength and MaxLength bound a password, in characters and bytes.
const (
	MinLength = 12
	MaxLength = 1024
)

// Parameters after OWASP's password storage cheat sheet (argon2id,
// m ≥ 19 MiB, t ≥ 2): 64 MiB and 2 passes take about 100 ms here.
const (
	memoryKiB = 64 * 1024
	passes    = 2
	threads   = 2
	saltLen   = 16
	keyLen    = 32
)

// ErrMalformed is returned for a stored hash that does not parse.
var ErrMalformed = errors.New("password: malformed hash")

// Check says what is wrong with a new password, or nil.
func Check(pw string) error {
	switch {
	case !utf8.ValidString(pw):
		return errors.New("the password is not valid UTF-8 text")
	case utf8.RuneCountInString(pw) < MinLength:
		return fmt.Errorf("the password must have at least %d characters", MinLength)
	case len(pw) > MaxLength:
		return fmt.Errorf("the password must have at most %d bytes", MaxLength)
	}
	return nil
}

// Hash returns the argon2id hash of pw in PHC format.
func Hash(pw string) (string, error) {
	if err := Check(pw); err != nil {
		return "", err
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, passes, memoryKiB, threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, memoryKiB, passes, threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether pw matches the stored hash.
func Verify(pw, encoded string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrMalformed
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return false, ErrMalformed
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, ErrMalformed
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, ErrMalformed
	}
	if len(pw) > MaxLength {
		return false, nil
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummy is verified against when no user has the email given, so that a
// login for an unknown email takes as long as one for a known email. It
// has the parameters of a new hash, and its salt and key are zeros: no
// password matches it, and unlike hashing one at the first login it costs
// no second 64 MiB allocation inside a login's hash slot.
var dummy = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memoryKiB, passes, threads,
	base64.RawStdEncoding.EncodeToString(make([]byte, saltLen)), base64.RawStdEncoding.EncodeToString(make([]byte, keyLen)))

// Waste spends the time of one Verify.
func Waste(pw string) {
	Verify(pw, dummy)
}
