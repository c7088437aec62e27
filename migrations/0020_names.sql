-- +goose Up
-- Reconciling names. The same benchmark, metric and method arrive under
-- many spellings ("ILSVRC 2012", "imagenet-1k"; "top1", "acc@1";
-- "ResNet-50", "resnet50"). An import resolves a name, in order, by the
-- name itself or an alias (whatever the case), then by its name_key (case,
-- spaces, hyphens and underscores set aside) when that matches one row
-- only, then through the shipped spellings below.

-- name_key is what two spellings share when they differ only in case,
-- spaces, hyphens or underscores. store.nameKey is the same rule in Go.
-- +goose StatementBegin
CREATE FUNCTION name_key(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(lower(s), '[[:space:]_-]+', '', 'g')
$$;
-- +goose StatementEnd

CREATE INDEX datasets_name_key_idx ON datasets (name_key(name));
CREATE INDEX dataset_aliases_key_idx ON dataset_aliases (name_key(alias));
CREATE INDEX methods_name_key_idx ON methods (name_key(name));
CREATE INDEX method_aliases_key_idx ON method_aliases (name_key(alias));
CREATE INDEX metrics_name_key_idx ON metrics (dataset_id, name_key(name));
-- An import's summary lists each new name beside the existing names that
-- look closest (pg_trgm's similarity); datasets and methods have these
-- indexes since 0001.
CREATE INDEX metrics_name_trgm ON metrics USING gin (name gin_trgm_ops);

-- Other names a metric is known by on its dataset; a merge of two
-- metrics records the one merged away here.
CREATE TABLE metric_aliases (
    dataset_id  bigint NOT NULL REFERENCES datasets(id),
    alias       text NOT NULL CHECK (length(alias) BETWEEN 1 AND 200),
    metric_id   bigint NOT NULL REFERENCES metrics(id),
    PRIMARY KEY (dataset_id, alias)
);
CREATE UNIQUE INDEX metric_aliases_lower_idx ON metric_aliases (dataset_id, lower(alias));
CREATE INDEX metric_aliases_metric_idx ON metric_aliases (metric_id);

-- A name an import brought in that matched nothing waits for a moderator:
-- it may be a new benchmark, or a spelling of one we have.
ALTER TABLE datasets ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
ALTER TABLE metrics ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
ALTER TABLE methods ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
CREATE INDEX datasets_needs_review_idx ON datasets (id) WHERE needs_review;
CREATE INDEX metrics_needs_review_idx ON metrics (id) WHERE needs_review;
CREATE INDEX methods_needs_review_idx ON methods (id) WHERE needs_review;

-- The shipped vocabulary: spellings of datasets and metrics that the
-- published formats use, each with the name it stands for. Unlike the
-- alias tables, it names no row, so it holds before any dataset exists
-- and every database gets it from migrate, seeded or not. A metric
-- spelling holds on every dataset. Spellings are compared by name_key, so
-- one entry covers "Top-1 accuracy (%)" and "Top 1 Accuracy (%)".
CREATE TABLE spellings (
    kind      text NOT NULL CHECK (kind IN ('dataset', 'metric')),
    spelling  text NOT NULL CHECK (length(spelling) BETWEEN 1 AND 200),
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (kind, spelling)
);
CREATE UNIQUE INDEX spellings_key_idx ON spellings (kind, name_key(spelling));

INSERT INTO spellings (kind, spelling, name) VALUES
    -- ImageNet-1k: Papers with Code, model-index files, timm, HF datasets.
    ('dataset', 'ImageNet', 'ImageNet-1k'),
    ('dataset', 'ImageNet (ILSVRC2012)', 'ImageNet-1k'),
    ('dataset', 'ILSVRC 2012', 'ImageNet-1k'),
    ('dataset', 'ILSVRC2012 val', 'ImageNet-1k'),
    ('dataset', 'ImageNet 2012', 'ImageNet-1k'),
    ('dataset', 'ImageNet-1k val', 'ImageNet-1k'),
    ('dataset', 'ILSVRC/imagenet-1k', 'ImageNet-1k'),
    ('dataset', 'IN-1k', 'ImageNet-1k'),
    -- MMLU: Open LLM Leaderboard cards, lm-evaluation-harness, HF datasets.
    ('dataset', 'MMLU (5-Shot)', 'MMLU'),
    ('dataset', 'MMLU (0-shot)', 'MMLU'),
    ('dataset', 'cais/mmlu', 'MMLU'),
    ('dataset', 'hendrycksTest', 'MMLU'),
    ('dataset', 'hendrycks/test', 'MMLU'),
    ('dataset', 'lukaemon/mmlu', 'MMLU'),
    ('dataset', 'Measuring Massive Multitask Language Understanding', 'MMLU'),
    -- The rest of the Open LLM Leaderboard (v1), as its cards and
    -- lm-evaluation-harness name them. On the leaderboard ai2_arc always
    -- meant its ARC-Challenge configuration.
    ('dataset', 'AI2 Reasoning Challenge', 'ARC-Challenge'),
    ('dataset', 'AI2 Reasoning Challenge (25-Shot)', 'ARC-Challenge'),
    ('dataset', 'ARC (25-shot)', 'ARC-Challenge'),
    ('dataset', 'arc_challenge', 'ARC-Challenge'),
    ('dataset', 'ARC-c', 'ARC-Challenge'),
    ('dataset', 'ai2_arc', 'ARC-Challenge'),
    ('dataset', 'allenai/ai2_arc', 'ARC-Challenge'),
    ('dataset', 'arc_easy', 'ARC-Easy'),
    ('dataset', 'ARC-e', 'ARC-Easy'),
    ('dataset', 'HellaSwag (10-Shot)', 'HellaSwag'),
    ('dataset', 'Rowan/hellaswag', 'HellaSwag'),
    ('dataset', 'TruthfulQA (0-shot)', 'TruthfulQA'),
    ('dataset', 'truthful_qa', 'TruthfulQA'),
    ('dataset', 'truthfulqa_mc2', 'TruthfulQA'),
    ('dataset', 'Winogrande (5-shot)', 'WinoGrande'),
    ('dataset', 'winogrande_xl', 'WinoGrande'),
    ('dataset', 'allenai/winogrande', 'WinoGrande'),
    ('dataset', 'GSM8k (5-shot)', 'GSM8K'),
    ('dataset', 'openai/gsm8k', 'GSM8K'),
    ('dataset', 'Grade School Math 8K', 'GSM8K'),
    -- GenomicBenchmarks, as the genomic-benchmarks package and its
    -- Hugging Face datasets name them where the name key does not already
    -- match ("human_nontata_promoters" is Human Nontata Promoters).
    ('dataset', 'demo_coding_vs_intergenomic_seqs', 'Coding vs Intergenomic'),
    ('dataset', 'demo_human_or_worm', 'Human vs Worm'),
    ('dataset', 'human_ensembl_regulatory', 'Human Regulatory'),
    ('dataset', 'dummy_mouse_enhancers_ensembl', 'Mouse Enhancers'),
    -- Metrics.
    ('metric', 'R@1', 'Rank-1'),
    ('metric', 'Rank@1', 'Rank-1'),
    ('metric', 'R@5', 'Rank-5'),
    ('metric', 'Rank@5', 'Rank-5'),
    ('metric', 'R@10', 'Rank-10'),
    ('metric', 'Rank@10', 'Rank-10'),
    ('metric', 'Top-1 accuracy (%)', 'Top-1 accuracy'),
    ('metric', 'top1', 'Top-1 accuracy'),
    ('metric', 'acc@1', 'Top-1 accuracy'),
    ('metric', 'top1_acc', 'Top-1 accuracy'),
    ('metric', 'accuracy_top-1', 'Top-1 accuracy'),
    ('metric', 'Top-5 accuracy (%)', 'Top-5 accuracy'),
    ('metric', 'top5', 'Top-5 accuracy'),
    ('metric', 'acc@5', 'Top-5 accuracy'),
    ('metric', 'top5_acc', 'Top-5 accuracy'),
    ('metric', 'accuracy_top-5', 'Top-5 accuracy'),
    ('metric', 'top1_err', 'Top-1 error'),
    ('metric', 'top5_err', 'Top-5 error'),
    ('metric', 'acc', 'Accuracy'),
    ('metric', 'Accuracy (%)', 'Accuracy'),
    ('metric', 'acc_norm', 'Normalized accuracy'),
    ('metric', 'exact_match', 'Exact match'),
    ('metric', 'ppl', 'Perplexity');

-- +goose Down
DROP TABLE spellings;
DROP INDEX methods_needs_review_idx, metrics_needs_review_idx, datasets_needs_review_idx;
ALTER TABLE methods DROP COLUMN needs_review;
ALTER TABLE metrics DROP COLUMN needs_review;
ALTER TABLE datasets DROP COLUMN needs_review;
DROP TABLE metric_aliases;
DROP INDEX metrics_name_trgm, metrics_name_key_idx, method_aliases_key_idx, methods_name_key_idx, dataset_aliases_key_idx, datasets_name_key_idx;
DROP FUNCTION name_key(text);
