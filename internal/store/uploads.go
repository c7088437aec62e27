package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// UploadTTL is how long an uploaded file waits for its confirmation.
const UploadTTL = 24 * time.Hour

// ErrBusy is returned when an upload's import is already running.
var ErrBusy = errors.New("busy")

// Upload is a file a moderator uploaded for import, waiting for them to
// confirm it after its dry run. The bytes are read only by ClaimUpload.
type Upload struct {
	Token     string
	UserID    int64
	FileName  string
	Format    string // "csv" or "pwc"
	Size      int64
	Preview   []byte // the dry run's summary, as JSON
	CreatedAt time.Time
}

// CreateUpload stores an uploaded file with its dry run's summary and
// returns the token that names it.
func (s *Store) CreateUpload(ctx context.Context, u Upload, data []byte) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("store: upload token: %w", err)
	}
	token := hex.EncodeToString(b)
	err := s.w(ctx).Exec(`INSERT INTO uploads (token, user_id, file_name, format, size, data, preview)
		VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
		token, u.UserID, u.FileName, u.Format, int64(len(data)), data, string(u.Preview)).Error
	if err != nil {
		return "", fmt.Errorf("store: create upload: %w", err)
	}
	return token, nil
}

// Upload returns a user's upload, without its bytes. Another moderator's
// upload, or one older than UploadTTL, is ErrNotFound.
func (s *Store) Upload(ctx context.Context, token string, userID int64) (Upload, error) {
	var rows []Upload
	err := s.w(ctx).Raw(`SELECT token, user_id, file_name, format, size, preview, created_at FROM uploads
		WHERE token = $1 AND user_id = $2 AND created_at > now() - make_interval(secs => $3)`,
		token, userID, UploadTTL.Seconds()).Scan(&rows).Error
	if err != nil {
		return Upload{}, fmt.Errorf("store: upload: %w", err)
	}
	if len(rows) == 0 {
		return Upload{}, fmt.Errorf("store: upload: %w", ErrNotFound)
	}
	return rows[0], nil
}

// ClaimUpload marks a user's upload as being imported and returns its
// bytes. While a claim younger than stale holds, a second claim gets
// ErrBusy; an older one (its instance died mid-import) may be taken over.
// After the import, DeleteUpload; after a failed one, ReleaseUpload.
func (s *Store) ClaimUpload(ctx context.Context, token string, userID int64, stale time.Duration) (Upload, []byte, error) {
	var rows []struct {
		Upload
		Data []byte
	}
	err := s.w(ctx).Raw(`UPDATE uploads SET confirming_at = now()
		WHERE token = $1 AND user_id = $2 AND created_at > now() - make_interval(secs => $3)
		  AND (confirming_at IS NULL OR confirming_at < now() - make_interval(secs => $4))
		RETURNING token, user_id, file_name, format, size, preview, created_at, data`,
		token, userID, UploadTTL.Seconds(), stale.Seconds()).Scan(&rows).Error
	if err != nil {
		return Upload{}, nil, fmt.Errorf("store: claim upload: %w", err)
	}
	if len(rows) == 1 {
		return rows[0].Upload, rows[0].Data, nil
	}
	if _, err := s.Upload(ctx, token, userID); err != nil {
		return Upload{}, nil, err
	}
	return Upload{}, nil, fmt.Errorf("store: claim upload: %w", ErrBusy)
}

// ReleaseUpload lifts a claim, so that the import can be tried again.
func (s *Store) ReleaseUpload(ctx context.Context, token string) error {
	if err := s.w(ctx).Exec(`UPDATE uploads SET confirming_at = NULL WHERE token = $1`, token).Error; err != nil {
		return fmt.Errorf("store: release upload: %w", err)
	}
	return nil
}

// DeleteUpload removes a user's upload; deleting one that is gone is no
// error, deleting one being imported is ErrBusy.
func (s *Store) DeleteUpload(ctx context.Context, token string, userID int64, stale time.Duration) error {
	res := s.w(ctx).Exec(`DELETE FROM uploads WHERE token = $1 AND user_id = $2
		AND (confirming_at IS NULL OR confirming_at < now() - make_interval(secs => $3))`, token, userID, stale.Seconds())
	if res.Error != nil {
		return fmt.Errorf("store: delete upload: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		var busy bool
		if err := s.w(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM uploads WHERE token = $1 AND user_id = $2)`, token, userID).
			Scan(&busy).Error; err != nil {
			return fmt.Errorf("store: delete upload: %w", err)
		}
		if busy {
			return fmt.Errorf("store: delete upload: %w", ErrBusy)
		}
	}
	return nil
}

// FinishUpload removes an upload whose import has been written.
func (s *Store) FinishUpload(ctx context.Context, token string) error {
	if err := s.w(ctx).Exec(`DELETE FROM uploads WHERE token = $1`, token).Error; err != nil {
		return fmt.Errorf("store: finish upload: %w", err)
	}
	return nil
}

// DeleteExpiredUploads removes uploads older than UploadTTL.
func (s *Store) DeleteExpiredUploads(ctx context.Context) (int64, error) {
	res := s.w(ctx).Exec(`DELETE FROM uploads WHERE created_at < now() - make_interval(secs => $1)`, UploadTTL.Seconds())
	if res.Error != nil {
		return 0, fmt.Errorf("store: delete expired uploads: %w", res.Error)
	}
	return res.RowsAffected, nil
}

// PendingUploads lists a user's uploads that wait for confirmation,
// newest first, without their bytes.
func (s *Store) PendingUploads(ctx context.Context, userID int64) ([]Upload, error) {
	var out []Upload
	err := s.w(ctx).Raw(`SELECT token, user_id, file_name, format, size, created_at FROM uploads
		WHERE user_id = $1 AND created_at > now() - make_interval(secs => $2) ORDER BY created_at DESC LIMIT 50`,
		userID, UploadTTL.Seconds()).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: pending uploads: %w", err)
	}
	return out, nil
}
