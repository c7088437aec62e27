package web

import "github.com/gofiber/fiber/v2"

// routes is the one table of every URL the app answers.
func (s *Server) routes(app *fiber.App) {
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)

	app.Get("/", s.home)
	app.Get("/search", s.search)
	app.Get("/export.csv", s.exportAll)
	app.Get("/datasets/:slug.csv", s.datasetExport)
	app.Get("/datasets/:slug", s.datasetShow)
	app.Get("/methods/:slug", s.methodShow)
	app.Get("/papers/:slug", s.paperShow)
	app.Get("/results/:id", s.resultShow)
	app.Get("/changes", s.changes)

	api := app.Group("/api/v1")
	api.Get("/datasets", s.apiDatasets)
	api.Get("/datasets/:slug/results", s.apiResults)
}
