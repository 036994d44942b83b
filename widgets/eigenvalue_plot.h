// SPDX-License-Identifier: GPL-3.0-or-later
// The eigenvalues of a hybrid block's A on the complex plane, with the unit circle: inside it the
// state fades, on it the state is kept, outside it grows. Real and imaginary axes keep one scale.
#pragma once

#include <QWidget>

#include <complex>
#include <vector>

class QCPCurve;
class QCustomPlot;

class EigenvaluePlot : public QWidget {
    Q_OBJECT
public:
    explicit EigenvaluePlot(QWidget* parent = nullptr);

    void showEigenvalues(const std::vector<std::complex<double>>& eigenvalues);
    void clear() { showEigenvalues({}); }

    // The points shown, in the order given: key the real part, value the imaginary part.
    QCPCurve* points() const { return points_; }

private:
    void keepAspect();

    QCustomPlot* plot_ = nullptr;
    QCPCurve* points_ = nullptr;
    double reach_ = 1.1; // half the width of the square that shows every point and the circle
};
