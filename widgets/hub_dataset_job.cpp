// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub_dataset_job.h"

#include "download_text.h"
#include "preview_texts.h"

#include "data/hub_dataset.h"
#include "data/hub_dataset_fetch.h"
#include "data/hub_split_files.h"
#include "data/text_sources.h"
#include "hub/hub_client.h"
#include "hub/hub_settings.h"

#include <algorithm>
#include <filesystem>

namespace {

constexpr const char* kDefaultConfig = "default";

QStringList toStrings(const std::vector<std::string>& values)
{
    QStringList strings;
    for (const auto& value : values)
        strings << QString::fromStdString(value);
    return strings;
}

bool contains(const std::vector<std::string>& values, const std::string& value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

// `wanted` when the repo offers it, else `fallback`, else the first offered; with nothing offered,
// `wanted` stays so that the engine's message names what was asked for.
std::string pick(const std::vector<std::string>& offered, const std::string& wanted, const std::string& fallback)
{
    if (offered.empty() || contains(offered, wanted))
        return wanted;
    return contains(offered, fallback) ? fallback : offered.front();
}

} // namespace

HubDatasetJob::HubDatasetJob(const HubDatasetChoice& query) : EngineJob(tr("Looking at a Hub dataset")), query_(query)
{
    qRegisterMetaType<HubDatasetPreview>();
}

void HubDatasetJob::work()
{
    // The command line's defaults for what the query leaves empty (and its repo id check).
    i3::HubDataset dataset = *query_.toSource().hub;
    const i3::HubRepo repo{i3::RepoType::dataset, dataset.repo};
    i3::HubClient hub(i3::hub_settings_from_environment());
    HubDatasetPreview preview;
    preview.offline = hub.settings().offline;
    preview.cacheRoot = QString::fromStdString(hub.cache().root().string());
    preview.cacheFolder = QString::fromStdString(hub.cache().repo_folder(repo).string());
    reportProgress(-1, preview.offline ? tr("Looking for %1 in the Hugging Face cache…").arg(query_.repo)
                                       : tr("Asking the Hugging Face Hub for %1…").arg(query_.repo));

    i3::DownloadCallbacks callbacks;
    callbacks.cancel = &cancelToken();
    callbacks.progress = [this, &preview](const i3::DownloadProgress& progress) {
        preview.firstFileFromCache = progress.from_cache;
        reportProgress(DownloadText::fraction(progress), DownloadText::describe(query_.repo, progress));
    };
    const i3::RepoFiles listing = i3::dataset_files(hub, dataset, callbacks);
    const std::vector<std::string> configs = i3::dataset_configs(listing.files);
    const std::string config = pick(configs, dataset.config_name(), kDefaultConfig);
    dataset.config = config == kDefaultConfig ? std::string() : config;
    const std::vector<std::string> splits = i3::dataset_splits(listing.files, config);
    dataset.split = pick(splits, dataset.split, i3::HubDataset().split);
    const std::vector<std::string> files =
        i3::split_files(listing.files, config, dataset.split, dataset.repo + " at " + dataset.revision);

    const std::filesystem::path first = hub.download_files(repo, listing.commit, {files.front()}, callbacks) / files.front();
    reportProgress(-1, tr("Reading the first rows of %1…").arg(QString::fromStdString(files.front())));
    const std::vector<std::string> columns = i3::text_columns(first);
    dataset.text_field = pick(columns, dataset.text_field, i3::default_text_column(dataset.repo));
    i3::TextReadOptions options;
    options.text_field = dataset.text_field;
    options.max_texts = kPreviewRows;
    preview.rows = previewTexts(i3::read_texts(first, options), kPreviewRows, kPreviewCharacters);

    preview.choice = {query_.repo, QString::fromStdString(dataset.config), QString::fromStdString(dataset.split),
                      columns.empty() ? QString() : QString::fromStdString(dataset.text_field)};
    preview.commit = QString::fromStdString(listing.commit);
    preview.configs = toStrings(configs);
    preview.splits = toStrings(splits);
    preview.columns = toStrings(columns);
    preview.files = toStrings(files);
    if (cancelToken().cancelled())
        return;
    reportProgress(1.0, tr("Done"));
    Q_EMIT inspected(preview);
}
