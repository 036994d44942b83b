// SPDX-License-Identifier: GPL-3.0-or-later
// `i3lm export-tensorboard`: a run's metrics for TensorBoard and the tools that read its files.
#include "cli_args.h"
#include "cli_commands.h"
#include "runs/run_folder.h"
#include "runs/tensorboard_export.h"

#include <iostream>

namespace i3::cli {

namespace {

const Command kExportTensorBoard{
    "export-tensorboard",
    "RUN [OUT]",
    "Writes the metrics of the run folder RUN (metrics.jsonl) as a TensorBoard event file into OUT\n"
    "(default RUN/tensorboard), replacing an earlier export. Training lines give train/loss,\n"
    "train/perplexity, train/learning_rate, train/grad_norm and train/tokens_per_second;\n"
    "evaluations give eval/train_loss_mean, eval/validation_loss and eval/validation_perplexity.\n"
    "The run may still be training: the export holds the steps logged so far.",
    {},
    "examples:\n"
    "  i3lm export-tensorboard runs/first && tensorboard --logdir runs/first/tensorboard\n"
    "  i3lm export-tensorboard runs/first tb/first     # then: wandb sync tb/first"};

} // namespace

int export_tensorboard(const Args& raw)
{
    const Arguments args = parse(kExportTensorBoard, raw);
    if (args.help) {
        std::cout << help_text(kExportTensorBoard);
        return 0;
    }
    if (args.positionals.empty() || args.positionals.size() > 2)
        throw UsageError("give a run folder, and optionally the folder to write into");
    const std::filesystem::path run = args.positionals[0];
    const std::filesystem::path out = args.positionals.size() == 2 ? std::filesystem::path(args.positionals[1])
                                                                    : RunFolder(run).tensorboard_dir();
    const TensorBoardExport exported = i3::export_tensorboard(run, out);
    if (exported.skipped_lines > 0)
        std::cerr << "note: " << exported.skipped_lines << " line(s) of " << RunFolder(run).metrics_file().string()
                  << " were not JSON objects and were left out\n";
    std::cout << "wrote " << exported.events << " events (" << exported.scalars << " scalars) to "
              << exported.file.string() << '\n';
    return 0;
}

} // namespace i3::cli
