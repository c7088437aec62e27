package model

// Record is one reported number as an import brings it in, whatever the
// file format: every parser produces it and the store ingests it.
type Record struct {
	Task           string
	Dataset        string
	ParentDataset  string
	Metric         string
	HigherIsBetter bool
	MetricUnit     string
	PrimaryMetric  bool
	Method         string
	Value          float64
	PlusMinus      *float64
	Unit           string
	Raw            string
	Setting        string
	ExtraData      bool
	Params         string
	Compute        string
	PaperTitle     string
	ArxivID        string
	PaperURL       string
	PaperDate      string // "2023" or "2023-06-27"
	CodeURL        string
	ReportedIn     string
	Source         string
	SourceURL      string
	Confidence     string
	Note           string

	// Verified is a source's own mark that it checked the number (a
	// Hugging Face model card's "verified: true"); the result's page
	// shows it.
	Verified bool
	// NeedsReview marks a record an importer had to complete by a rule a
	// moderator should look at: a Papers with Code row without a model
	// name is listed under its paper's title.
	NeedsReview bool

	// DirectionInferred says HigherIsBetter is a guess from the metric's
	// name (the Papers with Code format does not say) that no moderator has
	// confirmed yet. A metric created from such a record waits for review,
	// and an existing metric's direction wins over the guess. The column is
	// optional: files written before it existed read as confirmed.
	DirectionInferred bool
}
