// Package extract reads reported benchmark scores out of paper text, for a
// moderator to review. It is pure: text and a list of known datasets in,
// candidates out; storing them is the caller's business.
//
// # Input
//
// A copied paper listing — blocks separated by blank lines, each a title line
// followed by the abstract (which may be hard-wrapped) — or a single abstract
// with no title. The first line of a block is taken as a title when it is at
// most 25 words, does not end in a full stop, and the next line starts a
// sentence (or the line contains a colon). A leading "Abstract:" is dropped.
//
// # How a sentence is read
//
// Each sentence goes through passes, in order (sentence.go lists them; each
// has its own file, pass_*.go, with its word tables at the top as data, and
// its own table-driven test in passes_test.go):
//
//  1. names: metric cues and datasets, known and unknown;
//  2. numbers: numbers that could be scores, the metric written with each,
//     and runs (numbers written as one list);
//  3. classify: gains, costs, sizes, settings and someone unnamed's values
//     are dropped; values under a changed setting are marked;
//  4. metrics: lists of metrics mapped onto runs ("top-1/top-5");
//  5. datasets: lists of datasets mapped onto runs, and which run each other
//     dataset belongs to;
//  6. methods: whose result each run is;
//  7. settings: "zero-shot", "5-shot", "linear probe", "fine-tuned".
//
// What a sentence leaves open is settled for the whole abstract in
// resolve.go: a metric or a dataset from the sentences before, the
// dataset's own metric, and the confidence.
//
// # What counts as a score
//
// A number tied, in its sentence, to a metric and to a dataset from the
// caller's list:
//
//   - Metrics are recognised by cue words and reported under one name each:
//     "Top-1 accuracy", "Top-5 accuracy", "Rank-1"/"Rank-5"/"Rank-10" (R@k and
//     Recall@k are read as Rank-k), "mAP", "mINP", "mIoU", "AP", "Box AP",
//     "Mask AP", "PQ", "F1", "BLEU", "ROUGE-L", "CIDEr", "Exact match" (EM),
//     "AUC", "MCC" and "Accuracy" (accuracy, acc.).
//   - Datasets are matched by name or alias, ignoring how the parts are
//     joined ("Human vs. Worm", "human_vs_worm"; "CIFAR100") and, for long
//     names, case. Short names keep their capitals ("COCO", "IN-1k"). A name
//     that is part of a longer one ("ImageNet-21k", "MMLU-Pro", "Tiny-ImageNet")
//     is a different dataset.
//   - A percentage needs its metric somewhere in the sentence, or in the
//     sentences before it; a bare number ("45.3 mAP", "an F1 of 80.2") needs
//     its metric written right next to it, or a parallel number before it
//     that has one ("47.8 box AP ..., compared with 48.1 for Swin-T").
//   - When a sentence names no metric at all, Dataset.Metric, if the caller
//     set it, is assumed ("scores 69.8% on MMLU"), with confidence "med".
//   - A general metric word is the dataset's metric when that is a narrower
//     kind of it: "74.1% accuracy on ImageNet" is ImageNet-1k's "Top-1
//     accuracy", "AP" on a dataset measured in "Box AP" is box AP.
//   - A sentence that names no dataset takes the topic of the sentences
//     before: the one known dataset that the last sentence naming any
//     dataset named ("On ImageNet-1k, X-Net reaches 81.2% top-1. Trained on
//     2B images, it attains 83.0%."). A sentence naming several datasets or
//     an unknown one leaves no topic, and a sentence about a part of the
//     data named in lower case ("On unanswerable questions alone, ...")
//     takes none. Failing a topic, the one dataset an abstract names is used.
//   - A setting word becomes Candidate.Setting: the one written with the
//     number ("75.3% zero-shot"), the one after a preposition following it
//     ("64.3% on MMLU in the 5-shot setting"), or an adjective before it ("a
//     zero-shot Y-Net reaches 70.2%").
//
// The method is, in order: a possessive ("DeiT-S's 79.8%"), a name before
// brackets ("RaSa (76.5% Rank-1)"), "for" and a name after the number
// ("63.4% for Llama 2 13B"), the subject of the verb that introduces the
// number ("ViTune-S reaches", "MobileViT-XS, which reaches"), and otherwise
// the paper's own method: the title's short name ("ViTune: ..." gives ViTune)
// or the name the abstract introduces ("We propose SMA", "called ListRank").
// A subject that describes the paper's own work ("This simple baseline
// achieves", "our model reaches", "it attains", "a Mistral-7B model trained
// with Anchor keeps") is the paper's method; one that opens a contrasted
// clause is its own ("whereas IRRA falls to"), and an unnamed one there is
// someone else's ("whereas naive continual pretraining drops it to").
// Two verbs share the subject that opens their clause ("MobiDet-S runs at
// 120 FPS and obtains 38.2 AP"), an aside is skipped ("YOLOv8-S, by
// comparison, reaches"), and a name with its verb left out owns the number
// after it ("BERT-large obtains 81.9 and ALBERT-xxlarge 90.0").
// A sentence that opens by applying the paper's method ("With ViT-Adapter-L,
// a plain ViT reaches ...") credits the paper's method. When the paper names
// no method of its own, "it" stands for the subject of an earlier score
// ("MiM averages 86.2% ... Per task, it scores 81.0% ...", confidence "med");
// otherwise the paper's title stands for the method, with confidence "low"
// (Method is "" only for a lone abstract with no title).
//
// Lists are read in order: "71.3%, 62.0% and 55.4% on A, B and C,
// respectively", "80.4%/95.1% top-1/top-5", "74.2% and 89.0% in Rank-1 and
// Rank-5", "75.3% zero-shot and 84.9% fine-tuned top-1". Comparisons give one
// candidate per method ("81.2%, ahead of DeiT-B's 79.8%"); in "67.5% versus
// 60.2% on RSTPReid" both values are on RSTPReid, and the second is kept only
// when a name owns it ("versus 73.4% for IRRA"). Ranges ("between 72.1% and 78.4%", "ranging from ... to
// ...", "80.1–82.3%") give both ends, marked RangeEnd, with confidence "low".
// In "from 79.8% to 80.6%" the second value is a score; the first is kept only
// when a name owns it ("improves a ResNet-50 from 76.1% to 77.4%",
// "For CLIP ViT-L/14, ... rises from 75.3% ...", "... to 72.8% for IRRA").
//
// # What is not a score
//
// Precision comes first: a wrong number costs a moderator's time. Left out:
//
//   - gains and deltas: "+1.7%", "by 2.4%", "a 2.4% improvement", "1.3% higher",
//     "6 points", "outperforms X by 3.1%", "2.1 points above X";
//   - costs, savings and fractions: "cuts memory by 60%", "saves 38% of the
//     cost", "25% fewer parameters", "masks 75% of the patches", "overhead
//     below 2%";
//   - sizes and counts: "13B", "2B image-text pairs", "1M tokens", "300 epochs",
//     "4.5 GFLOPs";
//   - speed-ups: "4×", "3x faster", "2.5 times";
//   - years and versions: "2023", "v2", "Llama 3", "GPT-4", "ResNet-50";
//   - results of someone unnamed: "the baseline reaches", "the previous best of
//     79.8%", "83.6 for its teacher", "the CNN baseline", "above chance (25%)",
//     "whereas the strongest prior method reaches", "while existing
//     approaches stay below", "random guessing gives", "67.5% versus 60.2%";
//   - settings: "at 80% noise", "40% label noise", "a 10% subset", "50% sparsity";
//   - reductions: "reduces calibration error from 4.1% to 1.2%"; changes
//     whose subject is a difference: "the improvement shrinks to 1.1%";
//   - scores on part of a dataset: "on the medical subset of MMLU" and "on
//     MMLU clinical topics" are reported as unknown datasets ("medical
//     subset of MMLU", "MMLU clinical topics").
//
// # Unknown datasets
//
// A score-like number whose dataset is a benchmark-like name not in the
// caller's list — a capitalised name after "on", "in", "across" or "over", or
// listed next to a known one, that mixes capitals with digits or hyphens
// ("Kinetics-400", "MSMT17", "miniImageNet") or is several capitalised words
// ("Natural Questions") — is reported in Result.Unknown with the phrase and
// its sentence, so a moderator can add the dataset or an alias and run the
// extraction again.
//
// # Confidence
//
// Every candidate has a confidence, and a Note saying why it is not "high":
//
//   - "high": the metric and the dataset are written with the number (or
//     mapped from a list) and the method is known.
//   - "med": the metric or the dataset is borrowed from elsewhere in the
//     sentence, or from another sentence, or it is the dataset's default
//     metric; or both the metric and the dataset carry on from the
//     sentence right before; or the method was read from "it".
//   - "low": range ends; no method named (the title stands for it); values
//     under a changed setting —
//     a falling value ("drops to", "falls to", "degrades to"), or a sentence
//     that says the setting changed ("Under these settings", "at 80% noise",
//     "with only 10% of the labels", "trained on a 10% subset", "once classes
//     are merged", "Removing X ..."); and numbers tied to neither their metric
//     nor their dataset when one of them comes from another sentence (and
//     they do not both carry on from the sentence right before) or the
//     method is only assumed to be the paper's.
//
// Extract returns all of them. A moderation queue should take
// Result.Filter(DefaultMinConfidence), "med" and up; "low" candidates are
// for a moderator who asks for more. (On the held-out sets, what Filter
// leaves out is mostly wrong; `benchboard extract --score` prints the
// figures at each threshold, and TestSetFloors holds them.)
//
// # Known limitations
//
//   - Only sentences are read; tables, numbers in titles and cross-sentence
//     references ("the two benchmarks above") beyond one remembered metric
//     list are not.
//   - A name made of several model-like words is taken whole
//     ("the GenomicBenchmarks CNN (69.5%)" gives "GenomicBenchmarks CNN").
//   - The subject of a clause is found by simple patterns; "With X, a plain
//     ViT reaches 60.9 box AP" credits "ViT", not X.
//   - Changed settings are found by wording; a setting written some other way
//     ("in the 1-shot setting", "after 1% of the training steps") is read as
//     a plain score. A rising value without "from" ("improves ... to 97.1%")
//     is read as a score; only falling ones are marked "low".
//   - "it" is resolved only when the paper names no method of its own;
//     otherwise it is the paper's method.
//   - A changed setting lowers every number of its sentence up to a "but"
//     or ";", also ones it does not apply to.
//   - A dataset carried from the sentences before may be wrong when the
//     sentence is about another one it does not name in a known way.
//   - A score written with no metric anywhere in its sentence or abstract is
//     read only when the caller gives its dataset a default metric.
//   - A percentage whose nearest metric belongs to a list of different
//     metrics ("82.6% top-1 and 96.2% top-5 ..., and 91.1% on CIFAR-100") is
//     not read, as the metric is ambiguous.
//   - English only; numbers must use "." as the decimal point.
package extract
