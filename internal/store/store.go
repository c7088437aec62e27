// Package store is the one type over the database: every query the pages,
// the API and the commands run goes through it.
package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
)

// ErrNotFound is returned when the thing asked for does not exist.
var ErrNotFound = errors.New("not found")

// Store runs Benchboard's queries. Reads go to read (a replica when one is
// configured), writes and read-your-own-writes queries to db.
type Store struct {
	db        *gorm.DB
	read      *gorm.DB
	counts    *boardCounts
	summaries *summaryCache
	// trace, when set, sees every statement sent through pgx directly
	// (pgxQuery), which gorm's callbacks do not: see TraceQueries.
	trace func(sql string, args []any)
}

// TraceQueries makes fn see every statement the store sends through pgx
// directly rather than through gorm (whose callbacks see the others), so
// that a harness can list and explain all of a page's statements. Call it
// before the store is used.
func (s *Store) TraceQueries(fn func(sql string, args []any)) { s.trace = fn }

// New returns a Store over db; read may be nil (use db for reads too).
func New(db, read *gorm.DB) *Store {
	if read == nil {
		read = db
	}
	return &Store{db: db, read: read, counts: &boardCounts{byID: map[int64]boardCount{}}, summaries: newSummaryCache()}
}

// DB is the primary handle, for health checks and tests.
func (s *Store) DB() *gorm.DB { return s.db }

// Ping checks that the primary answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return sqlDB.PingContext(ctx)
}

type primaryKey struct{}

// WithPrimary marks ctx so that its reads go to the primary: the requests of
// someone who has just written must see their write, whatever a replica's lag.
func WithPrimary(ctx context.Context) context.Context {
	return context.WithValue(ctx, primaryKey{}, true)
}

func (s *Store) r(ctx context.Context) *gorm.DB {
	if ctx.Value(primaryKey{}) != nil {
		return s.db.WithContext(ctx)
	}
	return s.read.WithContext(ctx)
}
func (s *Store) w(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify makes a URL-safe name: "ImageNet-1k" → "imagenet-1k",
// "Top-1 accuracy" → "top-1-accuracy". Names that have no letters or
// digits get "x".
func Slugify(name string) string {
	s := norm.NFKD.String(name)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	s = strings.Trim(nonSlug.ReplaceAllString(s, "-"), "-")
	if len(s) > 80 {
		s = strings.Trim(s[:80], "-")
	}
	if s == "" {
		s = "x"
	}
	return s
}
