// SPDX-License-Identifier: GPL-3.0-or-later
// What the Playground's controls set for one generation: the prompt and the sampling.
#pragma once

#include <QString>
#include <QtGlobal>

struct GenerationSettings {
    QString prompt;
    bool greedy = false; // always the most likely token (i3::greedy_sampling): the three below are unused
    double temperature = 0.8;
    int topK = 50;     // 0: no top-k cut
    double topP = 1.0; // 1: no top-p cut
    int maxNewTokens = 100;
    quint64 seed = 42;
};
