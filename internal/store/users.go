package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// ErrExists is returned when creating something whose name is taken.
var ErrExists = errors.New("exists already")

// NormalizeEmail is the form an email is stored and looked up in.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// ErrNameTaken is returned when another moderator has the display name.
var ErrNameTaken = errors.New("display name taken")

// MaxDisplayName bounds a display name, in characters.
const MaxDisplayName = 100

// CheckDisplayName says what is wrong with a moderator's display name, or
// nil. It must not be an email address: it is shown on public pages.
func CheckDisplayName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("the display name is empty")
	case name != strings.TrimSpace(name):
		return errors.New("the display name starts or ends with a space")
	case !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl):
		return errors.New("the display name holds characters that are not printable text")
	case utf8.RuneCountInString(name) > MaxDisplayName:
		return fmt.Errorf("the display name is longer than %d characters", MaxDisplayName)
	case strings.Contains(name, "@"):
		return errors.New("the display name contains an @: it is shown publicly, so it must not be an email address")
	}
	return nil
}

const userColumns = `id, email, display_name, disabled_at, last_login_at, created_at`

// CreateUser adds a moderator with an argon2id hash made by package
// password; name is the display name public pages show.
func (s *Store) CreateUser(ctx context.Context, email, name, hash string) (model.User, error) {
	var u model.User
	if err := CheckDisplayName(name); err != nil {
		return u, fmt.Errorf("store: user %s: %w", NormalizeEmail(email), err)
	}
	err := s.w(ctx).Raw(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)
		RETURNING `+userColumns, NormalizeEmail(email), name, hash).Scan(&u).Error
	if isUniqueViolation(err, "users_display_name_key") {
		return u, fmt.Errorf("store: display name %q: %w", name, ErrNameTaken)
	}
	if isUniqueViolation(err) {
		return u, fmt.Errorf("store: user %s: %w", NormalizeEmail(email), ErrExists)
	}
	if err != nil {
		return u, fmt.Errorf("store: create user: %w", err)
	}
	return u, nil
}

// Users lists every moderator, by email.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	var out []model.User
	err := s.w(ctx).Raw(`SELECT ` + userColumns + ` FROM users ORDER BY email`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	return out, nil
}

// UserLogin returns an active (not disabled) moderator and the stored hash
// for a login attempt, or ErrNotFound.
func (s *Store) UserLogin(ctx context.Context, email string) (model.User, string, error) {
	var rows []struct {
		model.User
		PasswordHash string
	}
	err := s.w(ctx).Raw(`SELECT `+userColumns+`, password_hash FROM users
		WHERE email = $1 AND disabled_at IS NULL`, NormalizeEmail(email)).Scan(&rows).Error
	if err != nil {
		return model.User{}, "", fmt.Errorf("store: user: %w", err)
	}
	if len(rows) == 0 {
		return model.User{}, "", fmt.Errorf("store: user: %w", ErrNotFound)
	}
	return rows[0].User, rows[0].PasswordHash, nil
}

// DisableUser stops a moderator from logging in and ends their sessions,
// in one transaction; it returns how many sessions ended.
func (s *Store) DisableUser(ctx context.Context, email string) (int64, error) {
	ended, err := s.changeUser(ctx, email, `UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE email = $1`)
	if err != nil {
		return 0, fmt.Errorf("store: disable %s: %w", NormalizeEmail(email), err)
	}
	return ended, nil
}

// SetPassword replaces a moderator's password hash and ends their sessions,
// in one transaction; it returns the sessions ended.
func (s *Store) SetPassword(ctx context.Context, email string, hash string) (int64, error) {
	ended, err := s.changeUser(ctx, email, `UPDATE users SET password_hash = $2 WHERE email = $1`, hash)
	if err != nil {
		return 0, fmt.Errorf("store: password of %s: %w", NormalizeEmail(email), err)
	}
	return ended, nil
}

// SetDisplayName changes the name public pages show for a moderator,
// everywhere at once: pages look the name up when they are made.
func (s *Store) SetDisplayName(ctx context.Context, email, name string) error {
	if err := CheckDisplayName(name); err != nil {
		return fmt.Errorf("store: display name of %s: %w", NormalizeEmail(email), err)
	}
	res := s.w(ctx).Exec(`UPDATE users SET display_name = $2 WHERE email = $1`, NormalizeEmail(email), name)
	switch {
	case isUniqueViolation(res.Error, "users_display_name_key"):
		return fmt.Errorf("store: display name %q: %w", name, ErrNameTaken)
	case res.Error != nil:
		return fmt.Errorf("store: display name of %s: %w", NormalizeEmail(email), res.Error)
	case res.RowsAffected == 0:
		return fmt.Errorf("store: display name of %s: %w", NormalizeEmail(email), ErrNotFound)
	}
	return nil
}

// changeUser runs update ($1 is the email) on one moderator and ends every
// session of theirs in the same transaction, so that nobody stays logged in
// on the strength of what changed; ErrNotFound when no moderator has email.
func (s *Store) changeUser(ctx context.Context, email, update string, args ...any) (int64, error) {
	email = NormalizeEmail(email)
	var ended int64
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(update, append([]any{email}, args...)...)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		res = tx.Exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)`, email)
		ended = res.RowsAffected
		return res.Error
	})
	return ended, err
}

// CreateSession stores a new session for a moderator who has just logged
// in, ends the session they came with (if any) and notes the login.
func (s *Store) CreateSession(ctx context.Context, userID int64, idHash, oldHash []byte, expires time.Time) error {
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		if len(oldHash) > 0 {
			if err := tx.Exec(`DELETE FROM sessions WHERE id_hash = $1`, oldHash).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec(`INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, $3)`, idHash, userID, expires).Error; err != nil {
			return err
		}
		// Expired sessions are useless; a login is a good moment to sweep.
		if err := tx.Exec(`DELETE FROM sessions WHERE expires_at < now()`).Error; err != nil {
			return err
		}
		return tx.Exec(`UPDATE users SET last_login_at = now() WHERE id = $1`, userID).Error
	})
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// SessionUser returns the moderator a session belongs to and when the
// session expires, or ErrNotFound when the session is unknown, expired, or
// its moderator disabled. It runs on every request that carries a session
// cookie, so a disabled moderator is logged out at once.
func (s *Store) SessionUser(ctx context.Context, idHash []byte) (model.User, time.Time, error) {
	var rows []struct {
		model.User
		ExpiresAt time.Time
	}
	err := s.w(ctx).Raw(`SELECT u.id, u.email, u.display_name, u.disabled_at, u.last_login_at, u.created_at, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`, idHash).Scan(&rows).Error
	if err != nil {
		return model.User{}, time.Time{}, fmt.Errorf("store: session: %w", err)
	}
	if len(rows) == 0 {
		return model.User{}, time.Time{}, fmt.Errorf("store: session: %w", ErrNotFound)
	}
	return rows[0].User, rows[0].ExpiresAt, nil
}

// ExtendSession moves a session's expiry on.
func (s *Store) ExtendSession(ctx context.Context, idHash []byte, expires time.Time) error {
	if err := s.w(ctx).Exec(`UPDATE sessions SET expires_at = $2 WHERE id_hash = $1`, idHash, expires).Error; err != nil {
		return fmt.Errorf("store: extend session: %w", err)
	}
	return nil
}

// DeleteSession ends a session (logout).
func (s *Store) DeleteSession(ctx context.Context, idHash []byte) error {
	if err := s.w(ctx).Exec(`DELETE FROM sessions WHERE id_hash = $1`, idHash).Error; err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// isUniqueViolation tells a duplicate key, on the constraint named if one is.
func isUniqueViolation(err error, constraint ...string) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "23505" {
		return false
	}
	return len(constraint) == 0 || pe.ConstraintName == constraint[0]
}

// isForeignKeyViolation says whether err is Postgres refusing a row that
// points at one that is not there (SQLSTATE 23503).
func isForeignKeyViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}
