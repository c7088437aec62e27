package web

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
	"github.com/benchboard/benchboard/internal/web/form"
)

// metricReviewLimit is how many metrics one review page lists.
const metricReviewLimit = 300

// metricReview lists the metrics whose direction an import inferred, with
// their range and best few results by the inferred direction, and the
// recent decisions.
func (s *Server) metricReview(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	ms, err := s.store.MetricsToReview(ctx, metricReviewLimit)
	if err != nil {
		return err
	}
	recent, err := s.store.RecentDirectionChanges(ctx, 20)
	if err != nil {
		return err
	}
	return c.Render("mod_metrics", fiber.Map{"Title": "Metric directions to review", "Metrics": ms,
		"Recent": recent, "Limit": metricReviewLimit})
}

// metricDirection confirms a metric's direction: the inferred one, or the
// other. The leaderboard re-ranks at once (the dataset's data version is
// bumped) and the decision is recorded.
func (s *Server) metricDirection(c *fiber.Ctx) error {
	id, ok := form.ID(c.Params("id"))
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "There is no metric "+clip(c.Params("id"))+".")
	}
	var higher bool
	switch strings.TrimSpace(c.FormValue("direction")) {
	case "higher":
		higher = true
	case "lower":
	default:
		return fiber.NewError(fiber.StatusBadRequest, "Bad field \"direction\": expected higher or lower.")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	u, _ := currentUser(c)
	ch, err := s.store.SetMetricDirection(ctx, id, higher, u)
	if errors.Is(err, store.ErrConflict) {
		return fiber.NewError(fiber.StatusConflict, fmt.Sprintf("%s on %s was reviewed already, by another moderator "+
			"or in another tab: it is %s now. Reload the list.", ch.MetricName, ch.DatasetName, ch.DirectionText()))
	}
	if err != nil {
		return err
	}
	what := "confirmed"
	if ch.Flipped() {
		what = "changed from " + ch.BeforeText()
	}
	return s.seeOther(c, "/mod/metrics", fmt.Sprintf("%s on %s: %s (%s). The leaderboard ranks by it now.",
		ch.MetricName, ch.DatasetName, ch.DirectionText(), what))
}
