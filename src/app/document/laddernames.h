#pragma once

// The studio's one name table: for every ladder/1 value the inspector offers, its spelling (from
// core/format_names.h, the reader's and writer's own arrays) and its translated words: `text`,
// what the inspector shows, and for the canvas a short `label` (the node subtitles, the edge
// labels). QML reads the lists from the `LadderNames` singleton, each entry a map
// {name, text, label}; C++ calls the functions below. A value added to core's arrays without words
// here shows its spelling and fails tst_ladder_names.

#include "core/ladder.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

// Canvas words of one value.
QString signalLabel(PreSignal s);
QString signalLabel(PostSignal s);
QString failureLabel(FailureKind k);
QString injectLabel(MemoryPolicy::Inject inject);
QString refreshLabel(MemoryPolicy::Refresh refresh);
QString historyLabel(const HistoryPolicy &history); // "memory + last 6"
QString memoryFieldText(int field);                 // in the engine's MemoryField order

// Tier colours: the swatches the inspector offers; new tiers and tiers without a colour get the
// first kHandedOutSwatches in turn.
QStringList tierSwatches();
QString handedOutTierColor(qsizetype index);
inline constexpr int kHandedOutSwatches = 8;

class LadderNames : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QVariantList conditionTypes READ conditionTypes CONSTANT)
    Q_PROPERTY(QVariantList preSignals READ preSignals CONSTANT)
    Q_PROPERTY(QVariantList postSignals READ postSignals CONSTANT)
    Q_PROPERTY(QVariantList failureKinds READ failureKinds CONSTANT)
    Q_PROPERTY(QVariantList detectorKinds READ detectorKinds CONSTANT)
    Q_PROPERTY(QVariantList memoryInjects READ memoryInjects CONSTANT)
    Q_PROPERTY(QVariantList memoryRefreshes READ memoryRefreshes CONSTANT)
    Q_PROPERTY(QVariantList historyModes READ historyModes CONSTANT)
    Q_PROPERTY(QVariantList memoryFields READ memoryFields CONSTANT)
    // Free text in the format: suggestions only.
    Q_PROPERTY(QStringList tierRoles READ tierRoles CONSTANT)
    Q_PROPERTY(QStringList tierSwatches READ swatches CONSTANT)

public:
    using QObject::QObject;

    static QVariantList conditionTypes();
    static QVariantList preSignals();
    static QVariantList postSignals();
    static QVariantList failureKinds();
    static QVariantList detectorKinds();
    static QVariantList memoryInjects();
    static QVariantList memoryRefreshes();
    static QVariantList historyModes();
    static QVariantList memoryFields();
    static QStringList tierRoles();
    static QStringList swatches() { return tierSwatches(); }

    // The list of that property name ("conditionTypes", ...); empty for an unknown name.
    Q_INVOKABLE static QVariantList options(const QString &list);
    // Spellings of the format that have no words in this table (should be none).
    static QStringList unworded();
    // The row of `name` in one of the lists, -1 when it is not there.
    Q_INVOKABLE static int indexOf(const QVariantList &options, const QString &name);
};

} // namespace ladder
