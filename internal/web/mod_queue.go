package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/benchboard/benchboard/internal/store"
)

// queueRow is one pending suggestion in the queue.
type queueRow struct {
	store.SubmissionInfo
	Waiting string
}

// queueLimit is how many pending suggestions one queue page lists.
const queueLimit = 200

// modQueue lists pending suggestions, oldest first, for one dataset or all.
func (s *Server) modQueue(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	slug := c.Query("dataset")
	var datasetID int64
	if slug != "" {
		if !slugRE.MatchString(slug) {
			return fiber.NewError(fiber.StatusBadRequest, "Bad parameter \"dataset\": "+clip(slug)+" is not a dataset.")
		}
		d, err := s.store.Dataset(ctx, slug)
		if err != nil {
			return err
		}
		datasetID = d.ID
	}
	subs, err := s.store.PendingSubmissions(ctx, datasetID, queueLimit)
	if err != nil {
		return err
	}
	datasets, err := s.store.PendingDatasets(ctx)
	if err != nil {
		return err
	}
	rows := make([]queueRow, len(subs))
	for i, sub := range subs {
		rows[i] = queueRow{SubmissionInfo: sub, Waiting: humanDuration(time.Since(sub.CreatedAt))}
	}
	return c.Render("mod_queue", fiber.Map{"Title": "Moderation queue", "Subs": rows, "Datasets": datasets,
		"Dataset": slug, "Limit": queueLimit})
}
