#pragma once

// The Evaluate area: pick a data set and ladders (the open one, the built-in evaluation
// ladders, a sweep of the length-threshold template), run them with the batch runner on a worker
// thread (the GUI stays responsive; Cancel keeps what finished), then the results table, a
// case side by side, and the points of the cost-quality frontier chart.

#include "evalrunlistmodel.h"
#include "evaluatejob.h"

#include "eval/eval_report.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ladder {

class EvaluateModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString datasetPath READ datasetPath WRITE setDatasetPath NOTIFY datasetChanged)
    Q_PROPERTY(QString datasetInfo READ datasetInfo NOTIFY datasetChanged)
    Q_PROPERTY(QStringList answerers READ answerers NOTIFY datasetChanged)
    Q_PROPERTY(
        QString strongAnswerer READ strongAnswerer WRITE setStrongAnswerer NOTIFY answerersChanged)
    Q_PROPERTY(
        QString lightAnswerer READ lightAnswerer WRITE setLightAnswerer NOTIFY answerersChanged)
    // Live: the ladders' tiers answer on the studio's providers (Chat's providers file; none: the
    // simulated provider) instead of replaying recorded answers. Always on for a set with no
    // recorded answerers (liveOnly), e.g. one typed in the set editor or saved from Chat.
    Q_PROPERTY(bool live READ live WRITE setLive NOTIFY answerersChanged)
    Q_PROPERTY(bool liveOnly READ liveOnly NOTIFY datasetChanged)
    Q_PROPERTY(QString modeText READ modeText NOTIFY answerersChanged)
    Q_PROPERTY(double timeScale MEMBER m_timeScale NOTIFY timeScaleChanged) // simulated pacing
    Q_PROPERTY(QVariantList ladders READ ladders NOTIFY laddersChanged)
    Q_PROPERTY(
        QByteArray openLadderJson READ openLadderJson WRITE setOpenLadderJson NOTIFY laddersChanged)
    Q_PROPERTY(bool sweepEnabled MEMBER m_sweepEnabled NOTIFY sweepChanged)
    Q_PROPERTY(QString sweepSpec MEMBER m_sweepSpec NOTIFY sweepChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString error READ error NOTIFY statusChanged)
    Q_PROPERTY(ladder::EvalRunListModel *runs READ runs CONSTANT)
    Q_PROPERTY(QVariantList points READ points NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList front READ front NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList sweepCurve READ sweepCurve NOTIFY resultsChanged)
    Q_PROPERTY(QString gapText READ gapText NOTIFY resultsChanged)
    Q_PROPERTY(QString qualityLabel READ qualityLabel NOTIFY resultsChanged)
    Q_PROPERTY(int selectedRun READ selectedRun WRITE setSelectedRun NOTIFY selectionChanged)
    Q_PROPERTY(QString caseFilter READ caseFilter WRITE setCaseFilter NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList cases READ cases NOTIFY selectionChanged)

public:
    explicit EvaluateModel(QObject *parent = nullptr);
    ~EvaluateModel() override;

    QString datasetPath() const { return m_datasetPath; }
    void setDatasetPath(const QString &pathOrUrl);
    QString datasetInfo() const;
    QStringList answerers() const;
    QString strongAnswerer() const { return m_strong; }
    void setStrongAnswerer(const QString &a);
    QString lightAnswerer() const { return m_light; }
    void setLightAnswerer(const QString &a);
    bool live() const { return m_live || liveOnly(); }
    void setLive(bool live);
    bool liveOnly() const { return m_set && m_set->answerers.isEmpty(); }
    QString modeText() const;
    QVariantList ladders() const;
    QByteArray openLadderJson() const { return m_openLadderJson; }
    void setOpenLadderJson(const QByteArray &json);
    bool running() const { return m_thread != nullptr; }
    double progress() const { return m_total > 0 ? double(m_done) / m_total : 0; }
    QString progressText() const;
    QString status() const { return m_status; }
    QString error() const { return m_error; }
    EvalRunListModel *runs() { return &m_runs; }
    QVariantList points() const { return m_points; }
    QVariantList front() const { return m_front; }
    QVariantList sweepCurve() const { return m_sweepCurve; }
    QString gapText() const { return m_gapText; }
    QString qualityLabel() const;
    int selectedRun() const { return m_selectedRun; }
    void setSelectedRun(int run);
    QString caseFilter() const { return m_caseFilter; }
    void setCaseFilter(const QString &filter); // "all", "failures", "differences"
    QVariantList cases() const;

    Q_INVOKABLE int answererIndex(const QString &answerer) const
    {
        return int(answerers().indexOf(answerer));
    }
    Q_INVOKABLE void setLadderChecked(const QString &key, bool checked);
    Q_INVOKABLE void run();
    Q_INVOKABLE void cancel();
    // The selected case side by side: the run's answers, the baselines', the expectation.
    Q_INVOKABLE QVariantMap caseDetail(int caseIndex) const;
    // Writes the ladder of a run (a variant) to a temporary file and returns its path.
    Q_INVOKABLE QString variantFile(int run) const;
    // Blocks until a running evaluation ends (tests and --screenshot).
    bool waitForFinished(int timeoutMs);

    // Where the shared sample data is when the studio runs from a source tree
    // (<dir>/../shared/data/mt_bench/replay_mt_bench.jsonl, looked up from the working folder and
    // the binary's folder upward); empty otherwise.
    static QString findSampleDataset();

signals:
    void datasetChanged();
    void answerersChanged();
    void laddersChanged();
    void sweepChanged();
    void timeScaleChanged();
    void runningChanged();
    void progressChanged();
    void statusChanged();
    void resultsChanged();
    void selectionChanged();
    void finished();

private:
    // run()'s steps; each one that fails says why in the status.
    struct PlannedLadder;
    bool planLadders(bool live, bool simulatedOnly, QList<PlannedLadder> *out,
                     std::optional<eval::SweepSpec> *sweep);
    std::shared_ptr<EvalOutcome> prepareOutcome(const QList<PlannedLadder> &ladders,
                                                const std::optional<eval::SweepSpec> &sweep,
                                                bool live, QString *strongModel);
    static void addVariants(EvalOutcome *outcome, const eval::PreparedEval &prepared, bool first,
                            QSet<QString> *names);
    void startThread(const std::shared_ptr<EvalOutcome> &outcome, const QString &strongModel,
                     const std::optional<LiveProviders> &liveProviders);
    void loadDataset();
    void finish(std::shared_ptr<EvalOutcome> outcome);
    QString summary(const EvalOutcome &outcome) const;
    void setStatus(const QString &status, const QString &error = {});

    QString m_datasetPath;
    std::shared_ptr<const eval::Dataset> m_set;
    QString m_strong, m_light;
    bool m_live = false;
    double m_timeScale = 1.0;
    QByteArray m_openLadderJson;
    QStringList m_checked{QStringLiteral("builtin:mt-bench-category")};
    bool m_sweepEnabled = true;
    QString m_sweepSpec = QStringLiteral("long.min_chars=0:1000:100");

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_done = 0;
    int m_total = 0;
    QString m_status;
    QString m_error;

    std::shared_ptr<EvalOutcome> m_outcome;
    EvalRunListModel m_runs;
    QVariantList m_points, m_front, m_sweepCurve;
    QString m_gapText;
    int m_selectedRun = -1;
    QString m_caseFilter = QStringLiteral("all");
};

} // namespace ladder
