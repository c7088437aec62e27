package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/database"
)

// healthz answers while the process is up, whatever the database does.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.SendString("ok")
}

// readyz answers 200 only when the database is reachable and every
// migration is applied: a load balancer sends traffic only then.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unreachable")
	}
	sqlDB, err := s.store.DB().DB()
	if err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unreachable")
	}
	pending, err := database.Pending(ctx, sqlDB)
	if err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("migration status unknown")
	}
	if pending > 0 {
		return c.Status(fiber.StatusServiceUnavailable).SendString("migrations pending")
	}
	return c.SendString("ready")
}
