package web

import (
	"context"
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// isUnavailable tells a database outage (answered with 503 and a retry
// hint) from a bug (500).
func isUnavailable(err error) bool {
	var ne net.Error
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, driver.ErrBadConn):
		return true
	case errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.As(err, &pe):
		// 57P01..57P03: admin shutdown, crash shutdown, cannot connect now.
		return strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "unexpected EOF") ||
		strings.Contains(msg, "conn closed") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "connection reset")
}
