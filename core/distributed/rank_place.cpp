// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributed/rank_place.h"

#include "base/error.h"

#include <cstdlib>

namespace i3 {

namespace {

int whole_number(const EnvironmentLookup& lookup, const char* name, int fallback, int low, int high)
{
    const auto text = lookup(name);
    if (!text)
        return fallback;
    size_t used = 0;
    long value = 0;
    try {
        value = std::stol(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text->size() || value < low || value > high)
        throw Error(std::string(name) + " is \"" + *text + "\"; it must be a whole number from " + std::to_string(low) +
                    " to " + std::to_string(high));
    return static_cast<int>(value);
}

} // namespace

std::string RankPlace::name() const { return "rank " + std::to_string(rank) + " of " + std::to_string(world_size); }

std::vector<std::pair<std::string, std::string>> RankPlace::variables() const
{
    using namespace rank_variables;
    std::vector<std::pair<std::string, std::string>> set = {
        {kRank, std::to_string(rank)},
        {kWorldSize, std::to_string(world_size)},
        {kLocalRank, std::to_string(local_rank)},
        {kLocalWorldSize, std::to_string(local_world_size)},
        {kMasterAddr, master_addr},
        {kMasterPort, std::to_string(master_port)},
    };
    if (agent_store)
        set.emplace_back(kAgentStore, "True");
    return set;
}

std::optional<std::string> environment_variable(const std::string& name)
{
    const char* value = std::getenv(name.c_str());
    return value ? std::optional<std::string>(value) : std::nullopt;
}

std::optional<RankPlace> rank_place_from(const EnvironmentLookup& lookup)
{
    using namespace rank_variables;
    const bool has_rank = lookup(kRank).has_value(), has_world = lookup(kWorldSize).has_value();
    if (!has_rank && !has_world)
        return std::nullopt;
    if (has_rank != has_world)
        throw Error(std::string(has_rank ? kRank : kWorldSize) + " is set but " + (has_rank ? kWorldSize : kRank) +
                    " is not: a rank of a data-parallel run needs both");
    RankPlace place;
    place.world_size = whole_number(lookup, kWorldSize, 1, 1, 65536);
    place.rank = whole_number(lookup, kRank, 0, 0, place.world_size - 1);
    place.local_world_size = whole_number(lookup, kLocalWorldSize, place.world_size, 1, place.world_size);
    place.local_rank = whole_number(lookup, kLocalRank, place.rank % place.local_world_size, 0,
                                    place.local_world_size - 1);
    place.master_addr = lookup(kMasterAddr).value_or(place.master_addr);
    if (place.master_addr.empty())
        throw Error(std::string(kMasterAddr) + " is empty; it must name the machine of rank 0");
    place.master_port = whole_number(lookup, kMasterPort, kDefaultMasterPort, 1, 65535);
    const auto agent = lookup(kAgentStore);
    place.agent_store = agent && (*agent == "True" || *agent == "true" || *agent == "1");
    return place;
}

} // namespace i3
