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
    const auto continuation = line.find(kContinuation);
    RunSample sample;
    sample.step = step->get<int64_t>();
    sample.prompt = prompt != line.end() && prompt->is_string() ? prompt->get<std::string>() : "";
    sample.text = text->get<std::string>();
    if (continuation != line.end() && continuation->is_string() && prompt != line.end() && prompt->is_string())
        sample.continuation = continuation->get<std::string>();
    return sample;
}

} // namespace i3
