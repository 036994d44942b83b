// SPDX-License-Identifier: GPL-3.0-or-later
#include "training_request.h"

i3::RunSpec TrainingRequest::toSpec() const
{
    i3::RunSpec spec;
    spec.data = data.toSpec();
    spec.model = model;
    spec.training = train;
    spec.training.validation_fraction = data.validationFraction;
    spec.folder = runFolder.toStdString();
    spec.init_from = initFrom.toStdString();
    spec.prepared = prepared;
    return spec;
}
