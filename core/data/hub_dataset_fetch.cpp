// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/hub_dataset_fetch.h"

#include "data/hub_split_files.h"
#include "hub/hub_settings.h"

#include <algorithm>
#include <optional>

namespace i3 {

namespace {

void fetch(HubClient& hub, HubDataset& dataset, const DownloadCallbacks& callbacks)
{
    const HubRepo repo{RepoType::dataset, dataset.repo};
    const RepoFiles listing = dataset_files(hub, dataset, callbacks);
    const std::vector<std::string> files =
        split_files(listing.files, dataset.config_name(), dataset.split, dataset.repo + " at " + dataset.revision);
    dataset.snapshot = hub.download_files(repo, listing.commit, files, callbacks);
    dataset.commit = listing.commit;
    dataset.files = files;
}

} // namespace

RepoFiles dataset_files(HubClient& hub, const HubDataset& dataset, const DownloadCallbacks& callbacks)
{
    const HubRepo repo{RepoType::dataset, dataset.repo};
    if (hub.settings().offline)
        return hub.cached_files(repo, dataset.revision);
    RepoFiles listing = hub.list_files(repo, dataset.revision, callbacks);
    if (dataset.revision != listing.commit)
        hub.cache().write_ref(repo, dataset.revision, listing.commit);
    return listing;
}

DataSpec fetch_hub_datasets(DataSpec spec, const DownloadCallbacks& callbacks)
{
    std::optional<HubClient> hub;
    for (auto& source : spec.sources) {
        if (!source.hub || source.hub->fetched())
            continue;
        if (!hub)
            hub.emplace(hub_settings_from_environment());
        fetch(*hub, *source.hub, callbacks);
    }
    return spec;
}

} // namespace i3
