package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/benchboard/benchboard/internal/model"
)

// ErrConflict marks a write that lost a race: the result changed after the
// form was served, or another moderator decided first.
var ErrConflict = errors.New("conflict")

// ConflictError says what changed, in words a moderator can act on.
type ConflictError struct{ Msg string }

func (e *ConflictError) Error() string { return e.Msg }

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

func conflictf(format string, args ...any) error {
	return &ConflictError{Msg: fmt.Sprintf(format, args...)}
}

// SubmissionInfo is a submission with the names its pages show.
type SubmissionInfo struct {
	model.Submission
	DatasetName    string
	DatasetSlug    string
	MethodName     string // the result's method, or the proposed one for an add
	MetricName     string
	MetricDecimals int
	MetricUnit     string
	DeciderEmail   string
	ResultVersion  *int // the result's version now
	ResultRetired  bool
}

// Diff lists what the submission changes (nil for flags and adds).
func (s SubmissionInfo) Diff() []model.FieldDiff {
	if s.Before == nil || s.After == nil {
		return nil
	}
	return model.Diff(*s.Before, *s.After, s.MetricDecimals)
}

// Stale reports whether the result moved on since the submission was made.
func (s SubmissionInfo) Stale() bool {
	return s.BaseVersion != nil && s.ResultVersion != nil && *s.BaseVersion != *s.ResultVersion
}

// Age is how long the submission has waited.
func (s SubmissionInfo) Age() time.Duration { return time.Since(s.CreatedAt) }

// submissionRow is a submissions row as scanned: the JSON columns raw.
type submissionRow struct {
	ID              int64
	Token           string
	Kind            string
	Status          string
	DatasetID       int64
	ResultID        *int64
	BaseVersion     *int
	Before          []byte
	After           []byte
	FlagReason      string
	Note            string
	CreatedAt       time.Time
	DecidedAt       *time.Time
	DecidedBy       *int64
	DecisionNote    string
	AppliedResultID *int64
	DatasetName     string
	DatasetSlug     string
	MethodName      string
	MetricName      string
	MetricDecimals  int
	MetricUnit      string
	DeciderEmail    string
	ResultVersion   *int
	ResultRetired   bool
	SubmittedBy     string
	Evidence        string
}

func (r submissionRow) info() (SubmissionInfo, error) {
	out := SubmissionInfo{
		Submission: model.Submission{ID: r.ID, Token: r.Token, Kind: r.Kind, Status: r.Status, DatasetID: r.DatasetID,
			ResultID: r.ResultID, BaseVersion: r.BaseVersion, FlagReason: r.FlagReason, Note: r.Note,
			CreatedAt: r.CreatedAt, DecidedAt: r.DecidedAt, DecidedBy: r.DecidedBy, DecisionNote: r.DecisionNote,
			AppliedResultID: r.AppliedResultID, SubmittedBy: r.SubmittedBy, Evidence: r.Evidence},
		DatasetName: r.DatasetName, DatasetSlug: r.DatasetSlug, MethodName: r.MethodName, MetricName: r.MetricName,
		MetricDecimals: r.MetricDecimals, MetricUnit: r.MetricUnit, DeciderEmail: r.DeciderEmail,
		ResultVersion: r.ResultVersion, ResultRetired: r.ResultRetired,
	}
	for _, f := range []struct {
		raw []byte
		dst **model.Fields
	}{{r.Before, &out.Before}, {r.After, &out.After}} {
		if len(f.raw) == 0 || string(f.raw) == "null" {
			continue
		}
		var v model.Fields
		if err := json.Unmarshal(f.raw, &v); err != nil {
			return out, fmt.Errorf("submission %d: %w", r.ID, err)
		}
		*f.dst = &v
	}
	return out, nil
}

const submissionSelect = `
SELECT s.id, s.token, s.kind, s.status, s.dataset_id, s.result_id, s.base_version, s.before, s.after,
       s.flag_reason, s.note, s.created_at, s.decided_at, s.decided_by, s.decision_note, s.applied_result_id,
       d.name AS dataset_name, d.slug AS dataset_slug,
       coalesce(me.name, s.after->>'method', '') AS method_name,
       coalesce(m.name, '') AS metric_name, coalesce(m.decimals, 2) AS metric_decimals, coalesce(m.unit, '') AS metric_unit,
       coalesce(u.email, '') AS decider_email,
       r.version AS result_version, coalesce(r.retired_at IS NOT NULL, false) AS result_retired,
       s.submitted_by, s.evidence
FROM submissions s
JOIN datasets d ON d.id = s.dataset_id
LEFT JOIN results r ON r.id = s.result_id
LEFT JOIN methods me ON me.id = r.method_id
LEFT JOIN metrics m ON m.id = coalesce(r.metric_id, (s.after->>'metric_id')::bigint)
LEFT JOIN users u ON u.id = s.decided_by`

func (s *Store) submissions(ctx context.Context, db *gorm.DB, where string, args ...any) ([]SubmissionInfo, error) {
	var rows []submissionRow
	if err := db.WithContext(ctx).Raw(submissionSelect+" "+where, args...).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]SubmissionInfo, 0, len(rows))
	for _, r := range rows {
		info, err := r.info()
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

func (s *Store) oneSubmission(ctx context.Context, what, where string, args ...any) (SubmissionInfo, error) {
	rows, err := s.submissions(ctx, s.db, where, args...)
	if err != nil {
		return SubmissionInfo{}, fmt.Errorf("store: submission %s: %w", what, err)
	}
	if len(rows) == 0 {
		return SubmissionInfo{}, fmt.Errorf("store: submission %s: %w", what, ErrNotFound)
	}
	return rows[0], nil
}

// CreateSubmission stores a pending submission and returns the token of
// its private status link: 128 bits from crypto/rand.
func (s *Store) CreateSubmission(ctx context.Context, sub model.Submission) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("store: submission token: %w", err)
	}
	token := hex.EncodeToString(b)
	before, err := jsonOrNil(sub.Before)
	if err != nil {
		return "", err
	}
	after, err := jsonOrNil(sub.After)
	if err != nil {
		return "", err
	}
	err = s.w(ctx).Exec(`INSERT INTO submissions (token, kind, dataset_id, result_id, base_version, before, after, flag_reason, note,
			submitted_by, evidence)
		VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11)`,
		token, sub.Kind, sub.DatasetID, sub.ResultID, sub.BaseVersion, before, after, sub.FlagReason, sub.Note,
		sub.SubmittedBy, sub.Evidence).Error
	if err != nil {
		return "", fmt.Errorf("store: create submission: %w", err)
	}
	return token, nil
}

// CreateExtracted queues a candidate read from paper text as a pending
// "add". key identifies the candidate across runs: a candidate queued
// before (pending or decided) is not queued again, and created is false.
func (s *Store) CreateExtracted(ctx context.Context, sub model.Submission, key string) (created bool, err error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return false, fmt.Errorf("store: submission token: %w", err)
	}
	after, err := jsonOrNil(sub.After)
	if err != nil {
		return false, err
	}
	sum := sha256.Sum256([]byte(key))
	res := s.w(ctx).Exec(`INSERT INTO submissions (token, kind, dataset_id, after, note, submitted_by, evidence, dedupe_key)
		VALUES ($1, 'add', $2, $3::jsonb, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
		hex.EncodeToString(b), sub.DatasetID, after, sub.Note, sub.SubmittedBy, sub.Evidence, hex.EncodeToString(sum[:]))
	if res.Error != nil {
		return false, fmt.Errorf("store: queue extracted candidate: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

func jsonOrNil(f *model.Fields) (*string, error) {
	if f == nil {
		return nil, nil
	}
	b, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("store: submission fields: %w", err)
	}
	s := string(b)
	return &s, nil
}

// SubmissionByToken finds a submission by its private link's token.
func (s *Store) SubmissionByToken(ctx context.Context, token string) (SubmissionInfo, error) {
	return s.oneSubmission(ctx, "by token", "WHERE s.token = $1", token)
}

// Submission finds a submission by id.
func (s *Store) Submission(ctx context.Context, id int64) (SubmissionInfo, error) {
	return s.oneSubmission(ctx, fmt.Sprint(id), "WHERE s.id = $1", id)
}

// PendingSubmissions lists pending submissions, oldest first; datasetID 0
// means every dataset.
func (s *Store) PendingSubmissions(ctx context.Context, datasetID int64, limit int) ([]SubmissionInfo, error) {
	out, err := s.submissions(ctx, s.db, `WHERE s.status = 'pending' AND ($1 = 0 OR s.dataset_id = $1)
		ORDER BY s.created_at, s.id LIMIT $2`, datasetID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: pending submissions: %w", err)
	}
	return out, nil
}

// PendingCount is the length of the moderation queue.
func (s *Store) PendingCount(ctx context.Context) (int, error) {
	var n int
	if err := s.w(ctx).Raw(`SELECT count(*) FROM submissions WHERE status = 'pending'`).Row().Scan(&n); err != nil {
		return 0, fmt.Errorf("store: pending count: %w", err)
	}
	return n, nil
}

// QueueDataset is a dataset with pending submissions, for the queue's filter.
type QueueDataset struct {
	ID      int64
	Slug    string
	Name    string
	Pending int
}

// PendingDatasets lists the datasets that have pending submissions.
func (s *Store) PendingDatasets(ctx context.Context) ([]QueueDataset, error) {
	var out []QueueDataset
	err := s.w(ctx).Raw(`SELECT d.id, d.slug, d.name, count(*) AS pending FROM submissions s JOIN datasets d ON d.id = s.dataset_id
		WHERE s.status = 'pending' GROUP BY d.id, d.slug, d.name ORDER BY d.name`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("store: pending datasets: %w", err)
	}
	return out, nil
}

// MatchMethod finds a method by name or alias, ignoring case.
func (s *Store) MatchMethod(ctx context.Context, name string) (model.Method, bool, error) {
	m, ok, err := matchMethod(ctx, s.db, name)
	if err != nil {
		return m, false, fmt.Errorf("store: match method: %w", err)
	}
	return m, ok, nil
}

// matchMethod resolves name to a method exactly as an import's catalogue
// does (lookupNames: the name, an alias, then their name keys), so that a
// suggestion and an import of the same name land on the same method.
func matchMethod(ctx context.Context, db *gorm.DB, name string) (model.Method, bool, error) {
	ids := map[string]int64{}
	if err := newCatalog(db).lookupNames(ctx, "methods", "method_aliases", "method_id", []string{name}, nil, ids); err != nil {
		return model.Method{}, false, err
	}
	id, ok := ids[strings.ToLower(name)]
	if !ok {
		return model.Method{}, false, nil
	}
	var m model.Method
	err := db.WithContext(ctx).Raw(`SELECT id, slug, name, paper_id, code_url FROM methods WHERE id = $1`, id).Scan(&m).Error
	return m, err == nil, err
}

// Decision is a moderator's verdict on a submission.
type Decision struct {
	SubmissionID int64
	Moderator    model.User
	Comment      string
}

// RejectSubmission closes a pending submission without changing anything
// else. A submission decided already is a ConflictError.
func (s *Store) RejectSubmission(ctx context.Context, d Decision) error {
	err := s.w(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(`UPDATE submissions SET status = 'rejected', decided_at = now(), decided_by = $2, decision_note = $3
			WHERE id = $1 AND status = 'pending'`, d.SubmissionID, d.Moderator.ID, d.Comment)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return decidedAlready(ctx, tx, d.SubmissionID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: reject submission %d: %w", d.SubmissionID, err)
	}
	return nil
}

// ApproveSubmission applies a pending submission: a correction updates its
// result, a flag retires it, an add inserts a new result (and, when no
// method has the name or alias given, a new method). The change, its
// revision, the submission's new status and the dataset's data version
// are written in one transaction.
//
// Two guards make it safe against races, each answering with a
// ConflictError that says what happened: the submission is claimed with
// "WHERE status = 'pending'" (a second moderator's transaction waits on
// the row lock, then finds it decided), and the result is updated with
// "WHERE version = base_version" (a result that changed since the
// submission was made is never overwritten).
func (s *Store) ApproveSubmission(ctx context.Context, d Decision) (resultID int64, err error) {
	err = s.w(ctx).Transaction(func(tx *gorm.DB) error {
		var rows []submissionRow
		if err := tx.Raw(`UPDATE submissions SET status = 'approved', decided_at = now(), decided_by = $2, decision_note = $3
			WHERE id = $1 AND status = 'pending' RETURNING *`, d.SubmissionID, d.Moderator.ID, d.Comment).Scan(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return decidedAlready(ctx, tx, d.SubmissionID)
		}
		sub, err := rows[0].info()
		if err != nil {
			return err
		}
		w := resultWriter{tx: tx, actor: d.Moderator.Email, submissionID: &sub.ID}
		switch sub.Kind {
		case model.KindCorrect:
			w.reason = approvalReason(sub.Submission, d.Comment)
			resultID, err = w.applyCorrection(ctx, sub.Submission)
		case model.KindFlag:
			w.reason = approvalReason(sub.Submission, d.Comment)
			resultID, err = w.retire(ctx, sub.Submission)
		case model.KindAdd:
			w.reason = approvalReason(sub.Submission, d.Comment)
			resultID, err = w.add(ctx, sub.Submission)
		default:
			err = fmt.Errorf("unknown kind %q", sub.Kind)
		}
		if err != nil {
			return err
		}
		return tx.Exec(`UPDATE submissions SET applied_result_id = $2 WHERE id = $1`, sub.ID, resultID).Error
	})
	if err != nil {
		return 0, fmt.Errorf("store: approve submission %d: %w", d.SubmissionID, err)
	}
	return resultID, nil
}

// approvalReason is the revision's "why": the submission, the submitter's
// note and the moderator's comment.
func approvalReason(sub model.Submission, comment string) string {
	r := fmt.Sprintf("suggestion #%d", sub.ID)
	if sub.Kind == model.KindFlag {
		r += " (flag: " + model.FlagReasonLabel(sub.FlagReason) + ")"
	}
	if sub.Note != "" {
		r += ": " + sub.Note
	}
	if comment != "" {
		r += " — moderator: " + comment
	}
	return r
}

// decidedAlready explains why a pending submission could not be claimed.
func decidedAlready(ctx context.Context, tx *gorm.DB, id int64) error {
	var rows []struct {
		Status    string
		DecidedAt *time.Time
		Email     string
	}
	if err := tx.WithContext(ctx).Raw(`SELECT s.status, s.decided_at, coalesce(u.email, '') AS email
		FROM submissions s LEFT JOIN users u ON u.id = s.decided_by WHERE s.id = $1`, id).Scan(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return ErrNotFound
	}
	r := rows[0]
	when := ""
	if r.DecidedAt != nil {
		when = " at " + r.DecidedAt.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	return conflictf("Suggestion #%d was %s already by %s%s. Nothing was changed.", id, r.Status, r.Email, when)
}
