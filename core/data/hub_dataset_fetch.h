// SPDX-License-Identifier: GPL-3.0-or-later
// Hub datasets made readable: each one's revision pinned to a commit, its split's files chosen
// from the repo's file list (data/hub_split_files.h) and downloaded into the Hugging Face cache
// that Python shares (hub/hub_client.h; HF_ENDPOINT, HF_HUB_CACHE, HF_TOKEN, HF_HUB_OFFLINE).
#pragma once

#include "data/data_spec.h"
#include "hub/hub_client.h"

namespace i3 {

// The files of `dataset`'s repo at its revision and the commit that revision names: asked of the
// Hub (and the commit remembered in the cache's refs/, so that the cache alone answers later) or,
// offline, read from the cache. Throws i3::Error (the Hub's refusals, a revision the cache lacks).
RepoFiles dataset_files(HubClient& hub, const HubDataset& dataset, const DownloadCallbacks& callbacks = {});

// A copy of `spec` whose Hub datasets are fetched (those fetched already are left as they are).
// Throws i3::Error (the Hub's refusals, no matching files) or i3::Cancelled.
DataSpec fetch_hub_datasets(DataSpec spec, const DownloadCallbacks& callbacks = {});

} // namespace i3
