package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// dataChannel is the channel migration 0005's trigger notifies on.
const dataChannel = "benchboard_data"

// VersionWatcher hears about dataset changes as Postgres commits them.
type VersionWatcher interface {
	// Listening is called each time a connection starts listening, after
	// LISTEN succeeded: anything learnt before may have missed changes.
	Listening()
	// Lost is called when the listening connection fails; until the next
	// Listening, changes are not heard.
	Lost()
	// Changed reports that dataset id is now at data version (or deleted,
	// as the largest int64).
	Changed(datasetID, version int64)
	// HeadLetGo reports that a write let go of the stored head of
	// dataset id (migration 0120): it is to be stored again.
	HeadLetGo(datasetID int64)
	// Synced reports that the marker sent by NotifySync(token) arrived:
	// every change committed before it was sent has been reported.
	Synced(token string)
	// Restart delivers when the watcher no longer trusts the connection
	// (a marker took too long): it is dropped and a new one listens.
	Restart() <-chan struct{}
}

// NotifySync sends a marker through the same channel as the changes.
// Postgres delivers notifications in commit order, so once a listener has
// heard the marker it has heard every change committed before the call.
func (s *Store) NotifySync(ctx context.Context, token string) error {
	if err := s.db.WithContext(ctx).Exec("SELECT pg_notify($1, 'sync:' || $2)", dataChannel, token).Error; err != nil {
		return fmt.Errorf("store: notify: %w", err)
	}
	return nil
}

// WatchDataVersions listens on the primary for dataset changes and tells
// w about them until ctx ends, reconnecting after a failure. It holds one
// connection of the pool for as long as it runs.
func (s *Store) WatchDataVersions(ctx context.Context, w VersionWatcher) {
	backoff := 50 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, w)
		if ctx.Err() != nil {
			return
		}
		w.Lost()
		if err != nil && errors.Is(err, errHeard) {
			backoff = 50 * time.Millisecond // it worked for a while: retry soon
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 2*time.Second)
	}
}

// errHeard marks a connection that did listen before it failed.
var errHeard = errors.New("store: listening connection lost")

func (s *Store) listenOnce(ctx context.Context, w VersionWatcher) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("store: listen: %w", err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: listen: %w", err)
	}
	defer conn.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-w.Restart():
			cancel()
		case <-ctx.Done():
		}
	}()
	var heard bool
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		if _, err := pc.Exec(ctx, "LISTEN "+dataChannel); err != nil {
			return fmt.Errorf("store: listen: %w: %w", err, driver.ErrBadConn)
		}
		w.Listening()
		heard = true
		for {
			n, err := pc.WaitForNotification(ctx)
			if err != nil {
				// The connection is left listening (or broken): it
				// must never go back to the pool.
				return fmt.Errorf("store: listen: %w: %w", err, driver.ErrBadConn)
			}
			if token, ok := strings.CutPrefix(n.Payload, "sync:"); ok {
				w.Synced(token)
			} else if head, ok := strings.CutPrefix(n.Payload, "head:"); ok {
				if id, err := strconv.ParseInt(head, 10, 64); err == nil {
					w.HeadLetGo(id)
				}
			} else if id, version, ok := parseVersion(n.Payload); ok {
				w.Changed(id, version)
			}
		}
	})
	if heard {
		return fmt.Errorf("%w: %w", errHeard, err)
	}
	return err
}

// parseVersion reads the trigger's "id:version" payload.
func parseVersion(payload string) (id, version int64, ok bool) {
	a, b, found := strings.Cut(payload, ":")
	if !found {
		return 0, 0, false
	}
	id, err1 := strconv.ParseInt(a, 10, 64)
	version, err2 := strconv.ParseInt(b, 10, 64)
	return id, version, err1 == nil && err2 == nil
}
