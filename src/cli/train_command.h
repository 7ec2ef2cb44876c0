#pragma once

#include <QStringList>

namespace ladder::cli {

// `ladder train LADDER --detector ID --dataset PATH -o OUT`: trains a learned detector.
int runTrain(const QStringList &args);

} // namespace ladder::cli
