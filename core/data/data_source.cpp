// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/data_source.h"

#include "base/error.h"
#include "hub/hub_repo.h"

#include <cmath>
#include <sstream>

namespace i3 {

namespace {

// Digits with at most one decimal point: "0.3", "2", ".5".
bool is_decimal(const std::string& text)
{
    size_t digits = 0, points = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == '.')
            ++points;
        else
            return false;
    }
    return digits > 0 && points <= 1;
}

std::string weight_text(double weight)
{
    std::ostringstream text;
    text << weight;
    return text.str();
}

} // namespace

DataSource parse_data_source(const std::string& argument)
{
    std::string name = argument;
    DataSource source;
    const size_t colon = argument.rfind(':');
    const bool hub = argument.compare(0, std::string(kHubSourcePrefix).size(), kHubSourcePrefix) == 0;
    std::error_code error;
    if (colon != std::string::npos && colon + 1 < argument.size() && is_decimal(argument.substr(colon + 1)) &&
        (hub || !std::filesystem::exists(argument, error))) {
        source.weight = std::stod(argument.substr(colon + 1));
        if (!(source.weight > 0) || !std::isfinite(source.weight))
            throw Error("\"" + argument + "\": a source's weight must be a number above 0");
        name = argument.substr(0, colon);
    }
    if (!hub) {
        if (name.empty())
            throw Error("\"" + argument + "\": no file named before the weight");
        source.file = name;
        return source;
    }
    HubDataset dataset;
    dataset.repo = name.substr(std::string(kHubSourcePrefix).size());
    dataset.text_field = default_text_column(dataset.repo);
    check_repo_id({RepoType::dataset, dataset.repo});
    source.hub = dataset;
    return source;
}

std::string describe(const DataSource& source)
{
    std::string text = source.hub ? describe(*source.hub) : source.file.string();
    if (source.weight <= 0)
        return text;
    const std::string weight = "weight " + weight_text(source.weight);
    if (source.hub)
        return text.substr(0, text.size() - 1) + ", " + weight + ")";
    return text + " (" + weight + ")";
}

} // namespace i3
