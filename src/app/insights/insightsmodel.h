#pragma once

// What the Insights charts show, computed from the chart series of the chat
// (ChatMessageModel::stats) or of every Compare column: the cumulative cost lines (their legend
// says how many turns had no known price), the TTFT and total latency boxes, the tokens by tier
// (tiers of different ladders share a bar set by label; beyond 12 sets, the tiers with fewest
// tokens share one "N other tiers" set) and the escalation / fallback / retry / failure counts,
// each with the maximum of its value axis. InsightsView only draws what this holds.

#include "chat/chatsessionmodel.h"
#include "compare/comparemodel.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

// The charts of a list of stats() maps, one per ladder (a plain value: tests build it from
// known sessions).
struct InsightsCharts {
    static constexpr int kMaxTokenSets = 12;

    struct CostLine {
        QString legend;
        QList<double> cumulative; // after turn 1, 2, ...
        QStringList labels;       // at turn 0, 1, 2, ... ("+ unknown" once a turn had no price)
        int unknownCostTurns = 0;
    };
    struct TokenSet {
        QString label;
        QVariant color;       // the tier's; null for the "other tiers" set
        QList<double> values; // per ladder: input + output tokens of the tiers with this label
        bool other = false;
    };

    QStringList names;
    QList<CostLine> costLines;
    int costTurns = 1; // the x axis: the longest session's turns, at least 1
    double costAxisMax = 0.001;
    QList<QList<double>> ttftBoxes;    // per ladder [min, q1, median, q3, max] (zeros: none)
    QList<QList<double>> latencyBoxes; // the same, total latency
    double latencyAxisMax = 1000;
    QList<TokenSet> tokenSets;
    double tokenAxisMax = 100;
    QList<int> escalations, fallbacks, retries, failed; // per ladder
    int eventAxisMax = 2;

    static InsightsCharts aggregate(const QList<QVariantMap> &stats);
};

class InsightsModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // "chat" or "compare": whose stats are charted.
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(ladder::ChatSessionModel *chat READ chat WRITE setChat NOTIFY inputsChanged)
    Q_PROPERTY(ladder::CompareModel *compare READ compare WRITE setCompare NOTIFY inputsChanged)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QStringList names READ names NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed) // the names, " · " between
    // [{legend, cumulative: [...], labels: [...], unknownCostTurns}]
    Q_PROPERTY(QVariantList costLines READ costLines NOTIFY changed)
    Q_PROPERTY(int costTurns READ costTurns NOTIFY changed)
    Q_PROPERTY(double costAxisMax READ costAxisMax NOTIFY changed)
    // [{name, ttft: [5 numbers], total: [5 numbers]}]
    Q_PROPERTY(QVariantList latencyBoxes READ latencyBoxes NOTIFY changed)
    Q_PROPERTY(double latencyAxisMax READ latencyAxisMax NOTIFY changed)
    // [{label, color, other, values: [per ladder]}]
    Q_PROPERTY(QVariantList tokenSets READ tokenSets NOTIFY changed)
    Q_PROPERTY(double tokenAxisMax READ tokenAxisMax NOTIFY changed)
    // {escalations: [...], fallbacks: [...], retries: [...], failed: [...]}, per ladder
    Q_PROPERTY(QVariantMap events READ events NOTIFY changed)
    Q_PROPERTY(int eventAxisMax READ eventAxisMax NOTIFY changed)

public:
    explicit InsightsModel(QObject *parent = nullptr);

    QString source() const { return m_source; }
    void setSource(const QString &source);
    ChatSessionModel *chat() const { return m_chat; }
    void setChat(ChatSessionModel *chat);
    CompareModel *compare() const { return m_compare; }
    void setCompare(CompareModel *compare);

    const InsightsCharts &charts() const { return m_charts; }
    int count() const { return int(m_charts.names.size()); }
    QStringList names() const { return m_charts.names; }
    QString summary() const;
    QVariantList costLines() const;
    int costTurns() const { return m_charts.costTurns; }
    double costAxisMax() const { return m_charts.costAxisMax; }
    QVariantList latencyBoxes() const;
    double latencyAxisMax() const { return m_charts.latencyAxisMax; }
    QVariantList tokenSets() const;
    double tokenAxisMax() const { return m_charts.tokenAxisMax; }
    QVariantMap events() const;
    int eventAxisMax() const { return m_charts.eventAxisMax; }

    // Reads the source's stats now / shortly (changes that come in a burst are read once).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void refreshSoon();
    // After an unattended run: a comparison that ran while the chat did not is what is shown.
    Q_INVOKABLE void showWhatRan();

signals:
    void sourceChanged();
    void inputsChanged();
    void changed();

private:
    bool showsCompare() const { return m_source == QLatin1String("compare"); }

    QString m_source = QStringLiteral("chat");
    QPointer<ChatSessionModel> m_chat;
    QPointer<CompareModel> m_compare;
    InsightsCharts m_charts;
    QTimer m_refreshTimer;
};

} // namespace ladder
