// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/run_samples.h"

#include "runs/run_schema.h"

namespace i3 {

std::optional<RunSample> RunSample::from_line(const nlohmann::json& line)
{
    using namespace sample_keys;
    if (!line.is_object())
        return std::nullopt;
    const auto step = line.find(kStep);
    const auto text = line.find(kText);
    if (step == line.end() || !step->is_number_integer() || text == line.end() || !text->is_string())
        return std::nullopt;
    const auto prompt = line.find(kPrompt);
    return RunSample{step->get<int64_t>(), prompt != line.end() && prompt->is_string() ? prompt->get<std::string>() : "",
                     text->get<std::string>()};
}

} // namespace i3
