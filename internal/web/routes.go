package web

import "github.com/gofiber/fiber/v2"

// routes is the one table of every URL the app answers.
func (s *Server) routes(app *fiber.App) {
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)

	app.Get("/favicon.ico", func(c *fiber.Ctx) error { return c.Redirect("/static/favicon.svg", fiber.StatusMovedPermanently) })
	app.Get("/", s.home)
	app.Get("/search", s.search)
	app.Get("/export.csv", s.exportAll)
	app.Get("/tasks/:slug", s.taskShow)
	app.Get("/datasets/:slug.csv", s.datasetExport)
	app.Get("/datasets/:slug/charts.json", s.datasetCharts)
	app.Get("/datasets/:slug", s.datasetShow)
	app.Get("/methods", s.methodList)
	app.Get("/papers", s.paperList)
	app.Get("/methods/:slug", s.methodShow)
	app.Get("/papers/:slug", s.paperShow)
	app.Get("/results/:id", s.resultShow)
	app.Get("/changes", s.changes)
	app.Get("/changes.atom", s.changesFeed)

	// Suggestions: anyone, no account; CSRF (global), bot checks, and a
	// per-address rate limit on every POST.
	app.Get("/results/:id/correct", s.correctionNew)
	app.Post("/results/:id/correct", s.limitSubmissions, s.correctionSave)
	app.Get("/results/:id/flag", s.flagNew)
	app.Post("/results/:id/flag", s.limitSubmissions, s.flagSave)
	app.Get("/datasets/:slug/suggest", s.resultAddNew)
	app.Post("/datasets/:slug/suggest", s.limitSubmissions, s.resultAddSave)
	app.Get("/submissions/:token", s.submissionStatus)

	// Moderators: the session is checked against the database on every
	// request (loadUser), then requireModerator.
	app.Get("/login", s.loginForm)
	app.Post("/login", s.login)
	app.Post("/logout", s.logout)
	app.Post("/results/:id/revert", s.requireModerator, s.resultRevert)
	mod := app.Group("/mod", s.requireModerator)
	mod.Get("/queue", s.modQueue)
	mod.Get("/submissions/:id", s.modReview)
	mod.Post("/submissions/:id/approve", s.modApprove)
	mod.Post("/submissions/:id/reject", s.modReject)
	mod.Get("/extract", s.modExtractForm)
	mod.Post("/extract", s.modExtract)
	// Imports: upload → dry-run preview → confirm or cancel. The upload
	// alone may carry a body over the app's BodyLimit: allowUploads.
	s.allowUploads(app)
	mod.Get("/import", s.importForm)
	mod.Post("/import", s.importUpload)
	mod.Get("/import/:token", s.importPreview)
	mod.Post("/import/:token/confirm", s.importConfirm)
	mod.Post("/import/:token/cancel", s.importCancel)
	mod.Get("/metrics", s.metricReview)
	mod.Post("/metrics/:id/direction", s.metricDirection)
	// Names: new ones to review, merges (preview → merge → undo).
	mod.Get("/names", s.modNames)
	mod.Post("/names/:kind/:id/reviewed", s.modNameReviewed)
	mod.Get("/merge", s.modMergePreview)
	mod.Post("/merge", s.modMerge)
	mod.Post("/merges/:id/undo", s.modMergeUndo)

	api := app.Group("/api/v1")
	api.Get("/datasets", s.apiDatasets)
	api.Get("/datasets/:slug/results", s.apiResults)
}
