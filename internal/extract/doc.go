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
// sentence (or the line contains a colon). A title written alone, with a
// blank line under it, is the title of the block after it when that block
// has none of its own. A leading "Abstract:" is dropped.
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
//     "AUC", "MCC", "Accuracy" (accuracy, acc.), and the error rates "WER",
//     "CER" and "EER" (word, character and equal error rate), where lower
//     is better.
//   - A qualified metric is a metric of its own (LABELLING.md): "k-NN
//     accuracy" (also "k-NN top-1 accuracy", whose head a list ending with
//     it shares: "78.1% linear-probe and 76.3% k-NN top-1 accuracy", and
//     "k-NN" alone after a score: "86.4% k-NN and 88.5% linear-probe
//     accuracy"; a number written with a protocol of its own, "78.7%
//     linear-probe", "83.2% zero-shot", "89.9% after full fine-tuning",
//     "90.1% when fine-tuned", "fine-tunes to 85.3%", takes only the head
//     of a k-NN accuracy it borrows from another number or sentence);
//     against "robust accuracy" in the sentence, "76.8% clean top-1
//     accuracy" is the plain metric; AP on small, medium and large
//     objects written with a capital subscript is "AP_S", "AP_M" and
//     "AP_L", as the text writes it, where "AP_m" is mask AP, and "APs"
//     alone is AP on small objects, "APs" as written, not the plural of
//     AP: "29.6 APs", "APs from 22.1 to 26.0"; "box APs" is box AP). In a
//     continual-learning abstract, "average accuracy" and "final average
//     accuracy" are "Average accuracy", "average incremental accuracy" is
//     "Average incremental accuracy", "final", "last" and "last-step
//     accuracy" are "Last accuracy", and "forgetting" with a number is
//     "Forgetting"; elsewhere, and for an average over a benchmark's own
//     parts ("across the 57 subjects", or on a dataset whose own metric is
//     plain accuracy, as MMLU's is), they are the plain metric; on a
//     dataset measured in top-1 accuracy (class-incremental ImageNet) they
//     stay the continual metric. Image-text
//     retrieval keeps its direction ("Text-to-image R@1", "Image-to-text
//     R@5"), read as Rank-k on the person search benchmarks (CUHK-PEDES,
//     ICFG-PEDES, RSTPReid), also when the direction follows the numbers
//     ("47.9% R@1 for text-to-image"), or is written before "retrieval"
//     earlier in the sentence, for the plain R@k after it ("improves
//     text-to-image retrieval from 30.4% to 33.9% R@1, with R@5 of 59.8%":
//     both text-to-image; "text retrieval" and "image retrieval", written
//     together, are image-to-text and text-to-image: "its text retrieval
//     and image retrieval R@1 are 81.7 and 64.9"), or the R@k listed after
//     it have their
//     own values ("an image-to-text R@1 of 81.4, R@5 of 95.3": both
//     image-to-text; "63.5% text-to-image R@1, 85.7% R@5", "text-to-image
//     R@1 is 55.3 and R@5 is 80.9", while k grows: both text-to-image) or
//     each direction has its own number
//     before the R@k they share ("58.3% image-to-text and 42.7%
//     text-to-image R@1 on COCO": two scores, both on COCO); two values
//     "in the two directions" ("85.4 and 68.3 R@1 in the two directions")
//     are on the directions in the order the abstract first writes them,
//     and pairs of one R@k "corresponding" to a pair in both directions,
//     or "in the same directions", are on its directions in its order
//     ("The corresponding R@5 values are 86.8 and 95.7, and R@10 values
//     are 91.7 and 97.9"; "with R@5 of 90.0 and 79.1 in the same
//     directions"), and so is one pair of an R@k before "respectively"
//     after both directions in its sentence ("an image-to-text R@1 of
//     78.4% and a text-to-image R@1 of 61.9%, with R@5 of 94.1% and 84.3%
//     respectively"). The direction goes on so past the data the R@k
//     before "is" is measured on, named in a few words with no comma
//     ("image-to-text R@5 on COCO is 90.3% and R@10 is 94.8%": both
//     image-to-text).
//   - Datasets are matched by name or alias, ignoring how the parts are joined
//     ("Human vs. Worm", "human_vs_worm"; "CIFAR100") and, for long names,
//     case. Short names keep their capitals ("COCO", "IN-1k"). A name that is
//     part of a longer one ("ImageNet-21k", "MMLU-Pro", "Tiny-ImageNet"), or
//     followed by a word in capitals that is no metric, split, protocol or
//     the paper's name ("ImageNet VID"), is a different dataset.
//   - A percentage needs its metric somewhere in the sentence, or in the
//     sentences before it (the last one named, unless the abstract has
//     named several, or the sentence that named it named several outside
//     a list: "88.9% accuracy and an MCC of 0.78"; from such a sentence, a
//     run of several percentages takes the one list of as many metrics it
//     wrote: "We report Rank-1, Rank-5 and Rank-10 as well as mAP and mINP.
//     ... X obtains 71.3%, 87.9% and 92.6%"); a bare number ("45.3
//     mAP", "an F1 of 80.2") needs
//     its metric written right next to it (a metric's "value(s)" may stand
//     between: "the corresponding mAP values are 71.6%, 42.7% and 56.3%"
//     are mAP, not the Rank-1 named before; so may its dataset, after a
//     possessive, before "is": "Its MCC on Human OCR Ensembl is 0.683"),
//     or a parallel number before it
//     that has one ("47.8 box AP ..., compared with 48.1 for Swin-T"); a
//     plain metric written with a compared value is the one kind of it
//     the sentence's own results before were written in ("40.9 mask AP
//     ..., compared with 37.9 AP for SparseInst": mask AP). A percentage
//     does not take the metric written before a later value of its list,
//     which is that value's own ("the mAP on CUHK-PEDES is 72.5% and the
//     mINP 58.3%": mAP, then mINP). A bare number that a copula ties to
//     "the METRIC of MODEL" takes that metric, and the model as its method
//     ("The AP50 of AF-RT-L is 71.9").
//   - When a sentence names no metric at all, Dataset.Metric, if the caller
//     set it, is assumed ("scores 69.8% on MMLU"), with confidence "med".
//   - A general metric word is the dataset's metric when that is a narrower
//     kind of it: "74.1% accuracy on ImageNet" is ImageNet-1k's "Top-1
//     accuracy", "AP" on a dataset measured in "Box AP" is box AP.
//     "mAP" on COCO is its AP, except in an abstract about multi-label
//     classification, where it stays "mAP".
//   - A sentence that names no dataset takes the topic of the sentences
//     before: the one known dataset that the last sentence naming any
//     dataset named ("On ImageNet-1k, X-Net reaches 81.2% top-1. Trained on
//     2B images, it attains 83.0%."). A sentence naming several datasets or
//     an unknown one leaves no topic, and a sentence about a part of the
//     data named in lower case ("On unanswerable questions alone, ...")
//     takes none. Failing a topic, the one dataset an abstract names is used.
//     Numbers "on the three datasets" (benchmarks, tasks), in a sentence that
//     names none (or names one only in a later clause: "..., the gains are
//     largest on RSTPReid"), are on the datasets the sentences before named,
//     in the order first written, when they named as many ("RoCo obtains
//     75.8%, 65.9% and 65.4% Rank-1 on the three benchmarks"; confidence
//     "med"), and so are the lists of as many numbers after them.
//     So is a list a copula ties to a metric on the counted datasets, and
//     one name before "whose" owns it all ("IRRA, whose Rank-1 on the
//     three datasets is 73.4%, 63.5% and 60.2%").
//     So are numbers said to be "respectively" with no list of datasets
//     of their own, past a metric or "on them" ("With all labels it
//     achieves 92.7% and 75.3%, respectively"), when every dataset named
//     before is a known one and their clause is about no gain.
//     In a sentence that names no dataset, "on the former" and "on the
//     latter" stand for the first and second of two known datasets, the
//     only ones the last sentence naming any named ("We evaluate on
//     RSTPReid and ICFG-PEDES. On the former, SynthPS reaches 69.5%").
//     A sentence that reports a score on the topic without naming it goes
//     on with the topic, so the sentence after it, borrowing the metric
//     from it, is read as on the topic too (confidence "med"). A named
//     model's percentage with no metric anywhere is on the dataset of the
//     sentence before, in that dataset's metric ("The MMLU benchmark is
//     used for evaluation. Llama-2-13B scores 54.8%.").
//   - A dataset borrowed from elsewhere in the sentence or from another
//     sentence must be measured in the number's metric when the caller gives it
//     one: "45.1 AP" does not borrow ImageNet-1k (Top-1 accuracy); "Top-5
//     accuracy" does. A metric from another sentence is not carried onto a
//     dataset written with the number that is measured in another metric, nor
//     in the plain metric it is a kind of ("... 84.0% top-1 accuracy on
//     ImageNet-1K. X obtains 55.0% on MMLU": MMLU's accuracy); the dataset's
//     own metric is used. An error rate is measured on the dataset of its
//     accuracy ("a top-1 error of 23.4% on ImageNet, compared with 24.9% for
//     LARS").
//   - A number written with a metric that is not a cue ("45.2 AR100", "7.9
//     FID", "an ECE of 0.018", "a Spearman correlation of 0.87", both
//     ends of "(ECE) from 0.084 to 0.031")
//     borrows no metric, and a number "on" data named in lower case
//     ("81.7% on our medical split") borrows no dataset.
//   - Parallel numbers of one metric share the dataset written after the
//     last ("49.4 AP in 12 epochs and 51.3 AP in 24 epochs on COCO"), and
//     a score in brackets after a dataset is on it ("CIFAR-100 (91.7%),
//     Flowers (98.8%)"). A dataset named after a number but before later
//     numbers is theirs, not the earlier one's.
//   - A setting word becomes Candidate.Setting: the one written with the
//     number ("75.3% zero-shot"), the one after a preposition following it
//     ("64.3% on MMLU in the 5-shot setting"), or an adjective before it ("a
//     zero-shot Y-Net reaches 70.2%").
//
// The method is, in order: a possessive ("DeiT-S's 79.8%", "RaSa's Rank-1 on
// RSTPReid is 66.1%"), a name before brackets ("RaSa (76.5% Rank-1)"), "for"
// and a name after the number ("63.4% for Llama 2 13B", "for the fully
// supervised IRRA"; not a name followed by "of" and a number, a measure the
// numbers add up to: "..., for an RSUM of 541.2"), the subject of the verb that
// introduces the number ("ViTune-S reaches", "MobileViT-XS, which reaches",
// also past a phrase that qualifies the name, opened by a participle or a word
// such as "at": "CLIP ViT-L/14 used as a zero-shot tagger, which scores",
// "HyenaDNA at the same size, which obtains"; "while a fine-tuned
// DeBERTa-v3-large still leads with", "BLIP is stronger on COCO (80.6 R@1)"), a
// name set off after an opening description ("The flagship model, Qwen2-72B,
// showcases ...: 84.2 on MMLU"), and otherwise the paper's own method: the
// title's short name ("ViTune: ..." gives ViTune; not a head that names a
// report or a benchmark, "Phi-3 Technical Report: ...", "MMLU-Pro: A ...
// Benchmark", nor a head of several words whose name-like words are metrics or
// datasets, "Beyond Rank-1: ...", "Recasting MMLU: ...", nor a variant of a
// known dataset's name, "MMLU-Shift: ...", which names the paper's benchmark,
// reported as unknown, where a change from a score on that dataset with no
// dataset after it ends: "drops from 71.9% on MMLU to 58.4%") or the name the
// abstract introduces: the name in brackets after the description ("We propose
// the Real-Time DEtection TRansformer (RT-DETR)", "focal modulation networks
// (FocalNets in short)"), or the name right after "We propose", "called",
// "namely" ("We propose SMA", "We introduce Mistral 7B, a", "called Swin
// Transformer,", "We introduce phi-3-mini"), unless it is introduced as a
// benchmark ("We introduce TRACE, a benchmark").
//
// Names: a size joins the family name before it ("Gemma 7B", "Mixtral 8x7B";
// "The 70B model" names none, and in a paper with a method of its own it is
// that method: "the 0.5B model" of Quokka is Quokka, unless the method's name
// ends in a version written as a word, whose sizes follow it as words: "the 27B
// model" of Gemma 2 is "Gemma 2 27B"; a size written as a modifier is no part
// of the name after it: "The 117M-parameter DNABERT-2" is DNABERT-2, as
// "CLIP-based IRRA" is IRRA, a kind of model is none either: "the binary
// ConvNet ReActNet-A" is ReActNet-A, and a benchmark's name before a model says
// whose baseline it is: "the GenomicBenchmarks CNN" is CNN); a capitalised word
// inside a sentence belongs to the name after it ("than Faster R-CNN"); the
// paper's own name is read however it is written ("Panoptic SegFormer
// achieves", "phi-3-mini achieves"), and a name that starts with it is its
// variant ("Orca 2-13B" for "Orca 2"; "For YOLOX-L ..., we achieve"), while one
// that ends with it before a model noun is the paper's method ("a ViT-B/16
// AlignNet model attains"). A subject listing names maps them onto a list of
// numbers in order ("FastViT-S and FastViT-B achieve 80.1% and 83.4%"), also
// right after a dataset, whose list such a subject does not continue ("on
// Coding vs Intergenomic, HyenaDNA-1M and Caduceus-Ph reach 91.4% and 92.8%",
// "on COCO, and Condor-XL reaches 57.2"); when the counts differ, the numbers
// are dropped. Counted models ("On MMLU, the four models score 31.6%, 58.9%,
// 63.2% and 71.5%") stand for the last list of as many names the abstract wrote
// before ("in four sizes, Kestrel-1B, ... and Kestrel-34B"), in order, at
// confidence "med"; so do "they" and uncounted models before as many numbers
// ("Trained on ImageNet-1K, the models reach 79.2%, 81.4% and 83.0%"); so do
// counted models or methods after "for" ("57.4%, 49.8%, 50.6% and 54.0% for the
// four methods"), or else the methods the sentence before gave its scores to,
// in order ("FedLoc reaches 51.3%, compared with 38.7% for FedAvg, ...");
// "score", as often a noun ("a score of"), is a verb only after such a plural
// subject. "its" in a contrasted clause looks back to the subject before
// ("while its general ability remains strong with 68.0%"). The model a paper
// fine-tunes or adapts ("We fine-tune Qwen-1.8B", "adapts CLIP ViT-B/16",
// "fine-tuned from Llama-3-8B", "Llama-2-13B tuned with SpFT") owns the value
// before a change that no name owns ("lifts MMLU accuracy from 45.3% to 48.9%")
// and "its base model (66.6%)", at confidence "med". A possessive subject owns
// both ends of a change ("GPT-4o's accuracy drops from 88.7% to 72.6%").
// A name set off by a comma before "whose" owns the one value of the clause's
// verb, a copula or a verb of scoring, whatever plain words the clause has
// ("For Llama 3 70B, whose full-precision MMLU accuracy is 79.3%", "On Llama 3
// 8B, whose FP16 model scores 65.2%"). A
// subject that describes the paper's own work ("This simple baseline achieves",
// "our model reaches", "it attains", "a Mistral-7B model trained with Anchor
// keeps") is the paper's method; one that opens a contrasted clause is its own
// ("whereas IRRA falls to"), and an unnamed one there is someone else's
// ("whereas naive continual pretraining drops it to"). Two verbs share the
// subject that opens their clause ("MobiDet-S runs at 120 FPS and obtains 38.2
// AP"), an aside of up to five words is skipped ("YOLOv8-S, by comparison,
// reaches", "GPM, the method we build on, obtains"), and a name with its verb
// left out owns the number after it ("BERT-large obtains 81.9 and
// ALBERT-xxlarge 90.0", also a name that ends in a word after its size, "and
// Mistral 7B Instruct 59.2%", or in its size, "and Qwen2 72B 84.2%"). A
// sentence that opens by applying the paper's method ("With ViT-Adapter-L, a
// plain ViT reaches ...") credits the paper's method.
// So does a subject opened by the paper's method, which names the model it
// works on in a phrase after it, opened by a participle or a preposition, with
// no comma ("HardDN applied to Mask DINO yields", "SeqPrompt on a frozen
// Nucleotide Transformer 500M reaches"); a verb, a second subject or a
// comparison in between ("compares favourably with", "and", "than") keeps the
// model its own. When the paper names no
// method of its own, "it" stands for the subject of an earlier score ("MiM
// averages 86.2% ... Per task, it scores 81.0% ...", confidence "med");
// otherwise the paper's title stands for the method, with confidence "low"
// (Method is "" only for a lone abstract with no title).
//
// How a number is attached sets how far it is trusted, and a few readings
// follow from the structure around the number rather than from its words: an
// "it" later in a sentence stands for the subject named before it ("TBPS-CLIP
// obtains 73.5%; it reaches 65.1% on B"); a variant's name before a phrase that
// qualifies it is the subject ("EVA-02-CLIP-E/14+ with only 9B seen samples
// achieves", "VFNet-X with Res2Net-101 achieves", "X with a frozen EVA-02-L
// backbone", "Hedge on top of DeBERTa-v3-large attains"); the one variant of
// the paper's method named in the clauses before a number is its method ("our
// Gemini Ultra model advances ..., notably ..., with a score of 90.04%"); the
// paper's method named in the opening phrase is what is applied ("With MAE
// pre-training, a vanilla ViT-Huge model achieves"); a paper that names no
// method of its own is labelled by the model it obtains a result with ("77.1%
// on ImageNet with a ResNet-50 trained on ...", confidence "med"), or by the
// one model a sentence names before the number, outside a phrase that makes it
// a tool, an object, a scene or someone compared with ("The resulting ViT-G
// model attains", "On MMLU, Qwen2-72B answers 84.2%", confidence "med"; not the
// value after a change, "rises from 75.3% to 77.1%", which is the paper's
// change's); where the title would still stand for the method but the sentence
// names a model, the candidate is "low". A number only assumed to be the
// paper's, in a sentence that does not write the paper's name, is the one model
// named right before it, with no comma between ("Quantised to four bits,
// Llama-2-13B holds 54.6%"). Items of a list with their scores in brackets take
// only their own item's dataset ("ImageNet-V2 classification (84.0% top-1),
// COCO detection (63.1 box AP)"); a count takes no dataset ("44 benchmarks,
// e.g., ImageNet-1K"); metrics written before, then after, their numbers make
// two lists; a number "on" a name the caller does not know borrows no dataset
// ("82.5% on the challenging ObjectNet test set"); a bracketed number after a
// phrase of comparison is the compared one's ("outperforming from-scratch DeiT
// training (81.8%)").
//
// A table written as prose is read by its items: a list of metrics before a
// colon heads every item after it ("Results (R@1/R@5/R@10): CUHK-PEDES
// 74.6/89.9/93.8; ICFG-PEDES ..."), and each item's numbers are on the
// dataset written right before them ("Mouse Enhancers 80.2, Human vs Worm
// 96.9"). A dataset right before the metric that precedes a number is the
// number's ("a SQuAD 2.0 F1 of 92.2"). After "for", a description names the
// method it defines in brackets ("57.0% for random experience replay
// (ER)"), the name after its model noun ("for its text-only backbone Llama
// 3 8B", "for the same backbone without retrieval, Llama 2 7B") or the
// baseline it names ("for the CNN baseline"; not "the CNN baseline of
// GenomicBenchmarks", another work's figure); a contrasted subject that
// names itself in brackets is that name ("whereas naive continual
// pretraining (NaiveCPT) falls to"). A name after "with" is what a model is
// built with ("..., and with Swin-L 58.3 PQ" is the subject's), and a name
// with its model noun before "with a ... backbone" is the subject ("our
// best RetinaNet model with a ResNeXt-101-FPN backbone reaches", "DINO with
// the same Swin-L backbone reports"). A name the abstract writes as a
// backbone ("With ResNet-50 and Swin-L backbones, X obtains"), as the
// subject with an article and a model noun ("the Swin-L model reaches", "a
// Swin-L backbone reaches"), is the paper's model built on it; so is any
// architecture named by its size ("ViT-B/16", "DeiT-S") as a definite
// subject with "model", "backbone" or "student" ("the ViT-B/16 model
// reaches", "The DeiT-S student reaches"), not a method's name ("The DINO
// model reaches"), and any architecture as a student, whatever its article
// ("A ShuffleNetV2 student reaches"; not "the ResNet32x4 teacher"), also
// named before the teacher it is taught by ("a ResNet-18 student taught by
// ResNet-34 achieves"). So is a subject after "the" and a participle of what
// the paper's method does to a model ("the distilled Mask R-CNN-R50
// obtains", "the edited Llama-2-7B scores"), though not "the pretrained",
// which is the model before the method.
// The definite subject may be a "variant" ("The ResNet-101 variant obtains"),
// and a size adjective may stand after "the", setting the architecture against
// the paper's other sizes ("The smaller ViT-B/16 model obtains").
//
// Lists and names are also read where they are written short: a head shared by
// two kinds of a metric ("box/mask AP are 38.0/34.4"), a metric written onto
// its number ("49.4AP"), "R1" after a number (Rank-1), variants that leave out
// the first one's stem ("RepNeXt-S, -M and -L reach 79.8, 82.6 and 84.1",
// "RT-DETR-R50 / R101 achieves 53.1% / 54.3%"), a short name in brackets after
// a dataset ("the Human vs Worm task (HvW)"), a package's identifier that wraps
// a dataset's name ("dummy_mouse_enhancers_ensembl"), and a name in the plural
// whose singular the abstract writes ("ConvNeXts"). Compared values named by a
// list, after "for" ("81.3%, 83.0% and 83.5% for Swin-T, Swin-S and Swin-B") or
// in slash shorthand before brackets or after "for" ("ConvNeXt-T/S/B
// (82.1/83.1/83.8%)", "46.5/50.7/53.1 AP for RT-DETR-R18/R34/R50", each part
// written as the one it replaces, a size as a size: "56.1, 70.8 and 77.9 for
// Orion-3-1.5B, -7B and -14B"; the words before the last word are each name's:
// "Tessellate ViT-S/B/L" are Tessellate ViT-S, ViT-B and ViT-L), take one name
// each, in order, when the counts agree. A list written with slashes ends
// before a number that brings its own metric ("R@1/R@5/R@10 of 74.9/89.6/93.8
// and an mAP of 67.2"); "scores" after a metric is a noun ("F1 scores of"); a
// score in a bracket after a name, behind costs only, is the name's ("YOLO-RF-X
// (38 FPS V100, 56.3% AP)"); values compared with after one score per dataset
// are on those datasets in order ("74.9% on A and 91.6% on B, compared with
// 74.2% and 89.2% for X"), as are a named subject's after a contrast word, past
// a participle phrase after any name ("while IRRA trained the same way reaches
// 39.8% and 45.0%"), and so are the two ends of a change given in a later
// clause with its datasets left out, after one given with a dataset at each end
// ("Llama 3 70B drops from 79.5% on MMLU to 72.8% on MMLU-Fresh, and Qwen2-72B
// from 82.3% to 74.6%": 82.3% is on MMLU, in its metric, as if written there,
// and 74.6% on MMLU-Fresh), also after a pair of scores of one model on two
// datasets ("82.3% on MMLU and 80.9% on MMLU-Para, whereas Mistral-7B falls
// from 62.5% to 56.4%"), and so is the one change of the next sentence if it
// names no dataset ("... Llama 3.1 8B moves from 66.7% to 67.5%."); a
// capitalised name after "on" before the clause's subject ("On Cityscapes it
// obtains") or after "to" before "at" a score ("transfers to ADE20K at 50.2
// PQ") or before a metric and its score in brackets ("to NewsQA (F1 73.6)"), or
// after the "to" of a transfer before the verb that gives its score ("Zero-shot
// transfer from COCO to Flickr30K gives 84.0%"), is a benchmark, so nothing
// else is borrowed; "It" opening a sentence is the variant of the paper's
// method that opened the sentence before ("Yi-Lite-9B is ... It scores"); a
// sentence that opens with the paper's work and its name between commas ("The
// approach, CapReID, improves") names the paper's method; "the FP16 Llama 2
// 70B" is Llama 2 70B (also after "for": "68.9% for the FP16 Llama-2-70B") and
// "A QuantX-quantised Llama 2 70B" the paper's QuantX, as is a model a named
// method keeps "at" a score ("SALQ keeps Llama-3-8B at 61.7%", "RotQ keeps
// DeiT-S, DeiT-B and Swin-S at 76.8%, 80.1% and 81.9%": SALQ's and RotQ's;
// "against 65.1% in FP16" after one such score is the kept model's), and a
// model a named method quantises, compresses or prunes "to" a score ("HadaViT
// quantises DeiT-B to 77.9% ... and Swin-S to 80.6%": both HadaViT's, the
// second as a parallel object after "and"), whose own value in brackets right
// after ("(full precision: 81.8%)", "(81.8%)") is the model's; a bit-width
// ("W4A4", "W3A16") is a setting, never a name ("HR3 at W3A16 keeps 78.1%" is
// HR3's); a capitalised word the abstract writes as a name, compared with, owns
// the numbers after "at" ("compared with Caduceus at 74.7% and 80.3%", "than
// Enformer at 0.39"); a contrasted clause about some unnamed model ("while a
// nucleotide-level model of the same size obtains") is no one's, and one that
// opens its clause set against another ("A separately pretrained image model of
// the same size reaches", "For comparison, a convolutional network trained from
// scratch obtains"; also past a long phrase opened by a participle after its
// model noun: "A dense 4B model trained on the same data and with the same
// compute reaches") is some model the text does not name: the title stands for
// it, at confidence "low". Methods listed with their scores in brackets after
// the dataset are all on it ("On Human Regulatory, ... DNABERT-2 (89.2%),
// followed by HyenaDNA-small (87.9%)"); a setting in brackets ("on MMLU
// (5-shot), ahead of X (66.6%)") is no score in brackets; "on the hidden test
// set" (or "the 5K test split": a size is no name) is a split, not other data,
// and so is a split's own name (splitNames: "on val2017", "on test-dev", "on
// test-clean"), which alone stands for the dataset the abstract is about;
// "Under our unified harness" and a comparison "under the same setting" are no
// changed setting, nor is an opening that names the attack robust accuracy is
// measured under ("Under AutoAttack with ε = 4/255, ..."; attackWords), up to a
// comparison word after it ("compared with 56.1%"), whose values keep the
// doubt; and the bare values of a change take the metric written before it
// ("raises box AP on COCO val2017 from 37.4 to 39.6", "R@1 on the MSCOCO 5K
// test set from", or before "of" and the one model it is measured on: "raises
// the AP of a RetinaNet student with ResNet-50 from 37.4 to 41.0", RetinaNet's,
// not its part's; a value before with a metric of its own gives it to the value
// after, over one borrowed), the value before being the name after a "for" that
// opens its clause ("and for Mask R-CNN it improves mask AP from 34.7 to
// 36.3").
//
// Lists are read in order: "71.3%, 62.0% and 55.4% on A, B and C,
// respectively", and so are later lists of as many numbers, each with its
// metric and no dataset, up to a contrast ("..., mAP of 70.5%, 42.3% and 54.8%,
// and mINP of 56.1%, 9.8% and 30.4%, respectively", "and the corresponding mAP
// values are 71.6%, 42.7% and 56.3%"), "80.4%/95.1% top-1/top-5", "74.2% and
// 89.0% in Rank-1 and Rank-5" (or "at Rank-1 and Rank-5"), "75.3% zero-shot
// and 84.9% fine-tuned top-1"; a metric written before a number of a list is
// the metric of the numbers after it ("mAP of 54.8% and 55.2%, and mINP of
// 30.4% and 31.6%"). After a list
// of datasets, one run of several lists, each opened by its metric, maps
// list by list onto it ("On A, B and C, X achieves Rank-1 of 72.8%, 62.1%
// and 59.4% and mAP of 65.0%, 36.7% and 46.1%"); a list of metrics before a
// run takes as many numbers as it names when the next has a metric of its
// own ("Rank-1, Rank-5 and Rank-10 of a, b and c, and an mAP of d"); a list
// of datasets after a semicolon opens the next clause. Someone else's
// bare percentages after a first subject's several metrics parallel them, in
// order, counted from each name's first value ("an average accuracy of 78.4%
// with a forgetting of 0.9%, versus 72.0% and 0.0% for GPM", "..., while EWC
// reaches 72.1% and DER++ 47.9% with 20.2%"), a percentage only a percentage.
// A list of as many values set against a list mapped onto datasets, after a
// contrast word and with no dataset after it, is on those datasets, in order
// ("On A, B and C, X reaches ..., whereas HyenaDNA reaches 73.5%, 94.1% and
// 79.2%", "compared with 89.2% and 80.9% for HyenaDNA").
// Comparisons give one candidate per method ("81.2%, ahead of DeiT-B's 79.8%");
// in "67.5% versus 60.2% on RSTPReid" both values are on RSTPReid, values
// compared with after a score on a dataset are on it, not on data an opening
// phrase names ("Pretrained on JFT-300M, X reaches 61.2 box AP on COCO,
// against 58.7 for DINO"), and the
// second is kept only when a name owns it ("versus 73.4% for IRRA"; so is
// each value listed after it with its own "for": in "compared with 36.9 AP
// for ERD and 42.1 AP for a detector trained jointly" the second is no
// one's), or when it
// is the same model without the paper's change ("a RoBERTa-large reader with
// AnsHead obtains 87.4, compared with 86.5 without it", "84.6%, up from 81.2%
// with the original recipe", "against 69.8% in FP16", "against 85.9% at BF16",
// "compared with 81.8% in full precision"; confidence "med"). A value listed
// with its own "for" after a compared one is on the dataset that one was
// compared on, not on data a model was trained on that an opening phrase names
// ("With a ViT-B/16 pretrained on ImageNet-21K, X reaches 91.5% on CIFAR-100,
// compared with 80.2% for A and 86.5% for B": both on CIFAR-100); a dataset the
// sentence opens on stays theirs. The owner after such a "for" may hold digits
// ("for L2P", "for the FP16 model"), but is no number ("for 10 tasks"), and its
// value with no metric of its own is in the metric of the value it is listed
// after ("compared with 83.8% last accuracy for L2P and 86.5% for CODA-Prompt":
// both last accuracy). A named model's value that a comparison word ("ahead
// of", "outperforming", "than") sets against a score written on a dataset, with
// no dataset between them, is on that dataset, not on other data the sentence
// opens on, and so is the next of a list of such values ("With a ViT-B/16
// pretrained on ImageNet-21K, X reaches 92.1% on CIFAR-100, ahead of RanPAC
// (90.6%) and SimpleCIL (87.1%)"). A named baseline
// or teacher is a subject like any name ("The provided CNN baseline reaches
// 69.5%"), and owns the values in brackets right after it, wherever it stands
// ("exceed the strong IRRA baseline (73.4%, 63.5% and 60.2% Rank-1)"), and
// a name before a noun for a whole model (reader, model, baseline, teacher;
// not a part such as a backbone, nor a student, whose value is the
// distilling method's) owns the values after "at", since the noun only says
// what the name is ("ahead of the token-level RoBERTa-large reader at 86.5
// EM and 89.4 F1"); a
// subject is read past a short phrase of setting before its verb
// ("whereas SparseGPT at the same sparsity keeps 0.530"; "med"). Ranges
// ("between 72.1% and 78.4%", "ranging from ... to ...", "80.1–82.3%") give
// both ends, marked RangeEnd, with confidence "low". In "from 79.8% to 80.6%"
// the second value is a score; the first is kept only when a name owns it
// ("improves a ResNet-50 from 76.1% to 77.4%", also past the part it is built
// with, "BAQ improves Mask2Former with a Swin-B backbone from 55.1 to 56.4
// PQ", whose value after is the verb's subject's; "the top-1 error of ViT-Ti on
// ImageNet from", "the accuracy of a ResNet-8x4 student from", not "we improve
// the mAP of Faster-RCNN from"), "For CLIP ViT-L/14, ... rises from 75.3% ...",
// "For the stronger RDE, ...", "With a smaller ELECTRA-base reader, the gate
// lifts F1 from 83.4", "... to 72.8% for IRRA"; not "With a ResNet-50
// backbone,"), or the subject of the change right before its verb ("whereas
// Qwen1.5-72B falls from 77.5% to 68.3%", "Faster R-CNN improves from 38.4 to
// 42.0 mAP"); the value after a fall is the subject's too, after a rise the
// changed method's. A teacher read as the owner of the value before, or the
// model the paper distils from, gives it to the one student its sentence
// names ("distilling ResNet-34 into ResNet-18 raises the student's top-1
// accuracy from 69.8%", "a ResNet-18 student distilled from a ViT-L teacher
// improves from 71.2%": ResNet-18's). An opening participle that puts the
// paper's change into, on top of or with a model of one word names it as the
// opening "For" or "Applied to" does ("Integrated into RetinaNet with
// ResNet-101, it raises COCO AP from 40.4 to 43.0", "Inserted into
// SegFormer-B0, BPU improves mIoU from 37.4%"; not "Built on a ResNet-50
// RetinaNet": which is the model?). An opening that applies the paper's change
// to a model, or starts from or measures against one, names it past adjectives
// and a phrase about it up to its comma, when no second name stands before the
// "from" ("Applied to DeiT-B trained for 300 epochs, SpectralMix raises
// accuracy from 81.8%", "Starting from Qwen2.5-7B,", "Relative to DNABERT-2,");
// the value after stays the subject's. A change written after the change of a
// metric read here, with only its metric, its dataset and joining words
// between, is made to the same model, so its value before is that model's, on
// the dataset after it ("lifts IRRA from 73.4% to 76.1% Rank-1 on CUHK-PEDES
// and from 63.5% to 66.8% on ICFG-PEDES": IRRA's on ICFG-PEDES).
//
// # What is not a score
//
// Precision comes first: a wrong number costs a moderator's time. Left out:
//
//   - gains and deltas: "+1.7%", "by 2.4%", "a 2.4% improvement", "1.3%
//     higher", "6 points", "outperforms X by 3.1%", "2.1 points above X",
//     what a part contributes ("the gate contributes 1.1 AP"), and
//     every number of a coordination after "by" ("by 509% in speed and 2% in
//     accuracy", "by 2.1% on A and 1.5% on B"), also of a list with commas that
//     "and" closes ("by 1.1% Rank-1 on A, 1.6% on B and 2.0% on C"); a gain set
//     off by a comma alone after scores with their metrics is no list with them
//     ("67.0% Rank-1 and 40.6% mAP, 0.3 points below": both scores stay);
//   - errors: "3.57% error", "a top-1 error of 21.3%" (the metrics read
//     here go up; an error rate written as a metric, "a WER of 2.7%", is one);
//   - costs, savings and fractions: "cuts memory by 60%", "saves 38% of the
//     cost", "25% fewer parameters", "masks 75% of the patches", "overhead
//     below 2%"; sizes and counts: "13B", "2B image-text pairs", "1M tokens",
//     "300 epochs", "4.5 GFLOPs"; energy and power: "0.9 Wh", "6 W";
//   - speed-ups: "4×", "3x faster", "2.5 times";
//   - years and versions: "2023", "v2", "Llama 3", "GPT-4", "ResNet-50",
//     "SQuAD 1.1"; fractions of whole numbers over more than 100, as
//     perturbation budgets are written: "at epsilon = 8/255";
//   - the items of a list that a gain noun ends ("1.9% ImageNet accuracy,
//     1.0% COCO mAP, and 2.6% ADE20K mIoU improvement"), a range of gains
//     ("improved by 1.5 to 3.0 percent"), differences ("(absolute 7.8%)")
//     and amounts added to one before ("brings a further 0.8 mask AP", "and
//     the ViT affinities another 2.0 AP"), earlier results whatever their noun
//     ("the previous record of 83.1%") and the level one beats ("exceeds the
//     human-expert level of 89.8%");
//   - results of someone unnamed: "the baseline reaches", "the previous best of
//     79.8%", "83.6 for its teacher", "the CNN baseline (66.6%)", "above chance
//     (25%)", "whereas the strongest prior method reaches", "while existing
//     approaches stay below", "random guessing gives", "67.5% versus 60.2%", "A
//     7B model without retrieval scores", "the previous best results were", "on
//     par with LoRA at 46.8% and full fine-tuning at 47.5%"; settings: "at 80%
//     noise", "40% label noise", "a 10% subset", "50% sparsity", "at 70%
//     coverage";
//   - averages over a counted collection of data: "averages 66.2% across the
//     38 DataComp evaluation tasks", "Averaged over the eight tasks, X
//     obtains 86.7%" are on none of the datasets named elsewhere (an average
//     over a benchmark's own subjects is on the benchmark, and in continual
//     learning "tasks" are a benchmark's steps);
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
// ("Natural Questions"); a capitalised word before "val set", "dataset" and the
// like ("on Cityscapes val set") or right after a score and "on" ("83.5% mIoU
// on Cityscapes"); a capitalised word before a known name ("on Split
// CIFAR-100", "on 20-task Split CIFAR-100"); a name after "on" and the
// count of its protocol ("on 10-task ImageNet-R"); or a name listed with
// its score in brackets like a known one ("CIFAR-100 (91.7%), Flowers
// (98.8%)"); or the name, of one word or more, right after "on the", words in
// lower case describing a benchmark and "benchmark" or "dataset" ("On the
// crowded pedestrian benchmark CrowdHuman, X obtains 91.8 AP": on
// CrowdHuman, not on a dataset of the sentence before) — is
// reported in Result.Unknown with the phrase and its sentence, so a moderator
// can add the dataset or an alias and run the extraction again. A bare decimal
// written with one counts ("attains 9.1 on MT-Bench"); data a model is trained
// on ("after fine-tuning on MS MARCO") and a model a method is built on
// ("AnswerGate built on DeBERTa-v3-large achieves") are not reported, and
// the model takes no score; nor is a model a method improves on
// ("improving on RDE (65.4%)"), which owns the scores after it; a known
// dataset in an aside that says what an unknown one was made from ("On
// MMLU-DE, the German translation of MMLU, X reaches 55.3%") is no dataset
// of the sentence's scores; a sentence that names no other dataset ("When
// pre-trained on ImageNet-22K, X-L attains 87.6%") reads its scores on the
// topic of the sentences before, and one that names such data after the
// dataset it opens with ("On CIFAR-100 with a ViT-B/16 pretrained on
// ImageNet-21K, X reaches 90.1%") reads them on that dataset. A bare decimal
// right before a known dataset takes the dataset's metric only when the
// sentence names no metric or one the dataset is measured in ("The MCC on Human
// OCR Ensembl rises from 0.52 to 0.61" is no accuracy).
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
//     sentence right before, or a named method's number has its metric in
//     the sentence and its dataset from the sentence right before; or the
//     method was read from "it", or is the model the paper starts from or
//     the one model a sentence names when the paper names none; or
//     the paper names no method but the subject says the result is its own
//     ("this simple framework reaches", "our model attains"); or it is one
//     end of a range of a named model, with nothing else borrowed
//     ("Llama-2-70B scores between 61.2% and 68.9% on MMLU"; a metric
//     that is the range's subject is written with it, also past the model
//     it is of and what it is taken over, which are part of the subject:
//     "KmerNet's accuracy over ten seeds lies between", "the accuracy of
//     AnchorCL stays between"; and the one model
//     a sentence names counts as named: "For HyenaDNA, accuracy on Mouse
//     Enhancers varies between 79.6% and 85.4%"), or of the paper's method
//     when the range's clause says it is "its", as "it" says a score is
//     ("Across five seeds, its accuracy on Mouse Enhancers varies between
//     79.8% and 86.2%"); or it is
//     reported with a share of the labels, as semi-supervised results are
//     ("With only 10% of the labels, X reaches 71.2%"); or, with nothing
//     else in doubt, it is under the sentence's changed setting and the
//     paper gives no other value of its method, dataset and metric ("Under
//     20% noise, X keeps 74.1% Rank-1 on CUHK-PEDES"; promoteSoleSettings).
//     A named model's value set against a score on a dataset, compared
//     with it or after a contrast word, in a sentence that writes no
//     metric, is read in the dataset's own metric even when the sentence
//     before named it ("compared with 74.2% for HyenaDNA", "while DNABERT-2
//     obtains 74.3%"), as sure as a metric assumed for the dataset.
//   - "low": other range ends; no method named (the title stands for it) and
//     nothing says whose the result is; values compared in brackets ("by
//     1.2% (80.1% vs. 78.9%)": which is whose?); a dataset carried from a
//     sentence that states a changed setting ("We study detection with 10%
//     of COCO labels. ... reaches 37.6 AP"); values under a changed setting —
//     a falling value ("drops to", "falls to", "degrades to"), or a sentence
//     that says the setting changed ("Under these settings", "at 80% noise",
//     "trained on a 10% subset", "once classes are merged", "Removing X
//     ..."); a method read as a metric's acronym, not among the cues,
//     that the sentence writes as a metric ("an ECE of 0.112", "expected
//     calibration error (ECE)"): the number is not that name's; the
//     dataset's own metric, assumed, in a sentence that writes such a
//     metric ("The expected calibration error (ECE) on MMLU falls from
//     0.081 ..."): the number may be in that metric; and
//     numbers tied to neither their metric
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
//   - A later short mention of a benchmark the abstract named as "Split
//     CIFAR-100" ("on CIFAR-100") is read as CIFAR-100, though LABELLING.md
//     takes it for the benchmark named.
//   - Only sentences are read; tables, numbers in titles and cross-sentence
//     references ("the two benchmarks above") beyond one remembered metric
//     list are not.
//   - A name made of several model-like words is taken whole
//     ("the DeepSEA CNN (69.5%)" gives "DeepSEA CNN"), unless the first
//     is a benchmark's name ("the GenomicBenchmarks CNN" is "CNN").
//   - The subject of a clause is found by simple patterns. A capitalised
//     word that opens a sentence is not taken into the name after it
//     ("Cascade R-CNN reaches" gives "R-CNN") unless the paper's own name
//     starts with it.
//   - A part of a dataset named after it is recognised only by a few nouns
//     ("MMLU clinical topics", "COCO small objects"); "MMLU clinical
//     knowledge" is read as MMLU.
//   - Changed settings are found by wording; a setting written some other way
//     ("in the 1-shot setting", "after 1% of the training steps") is read as
//     a plain score. A rising value without "from" ("improves ... to 97.1%")
//     is read as a score; only falling ones are marked "low".
//   - "it" is resolved only when the paper names no method of its own, or
//     opens a sentence after one a variant of the paper's method opens;
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
