// EvaluateModel: the cases of the selected run and a case side by side.

#include "evaluatemodel.h"

namespace ladder {

using namespace eval;

namespace {

std::optional<double> caseQuality(const CaseResult &c)
{
    double sum = 0;
    int n = 0;
    for (const TurnResult &t : c.turns)
        if (t.score.value) {
            sum += *t.score.value;
            ++n;
        }
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

QString qualityText(const std::optional<double> &q, bool accuracy)
{
    if (!q)
        return QStringLiteral("–");
    return accuracy ? (*q >= 1.0 ? QStringLiteral("✓") : QStringLiteral("✗"))
                    : QString::number(*q, 'f', 1);
}

} // namespace

QVariantList EvaluateModel::cases() const
{
    QVariantList out;
    if (!m_outcome || m_selectedRun < 0 || m_selectedRun >= m_outcome->results.size())
        return out;
    const bool accuracy = m_outcome->set->labels != LabelKind::Score;
    const QList<CaseResult> &run = m_outcome->results.at(m_selectedRun);
    const QList<CaseResult> *strong = m_outcome->strongBaseline >= 0
                                          ? &m_outcome->results.at(m_outcome->strongBaseline)
                                          : nullptr;
    for (const CaseResult &c : run) {
        if (!c.finished)
            continue;
        const EvalCase &ec = m_outcome->set->cases.at(c.caseIndex);
        const std::optional<double> q = caseQuality(c);
        const std::optional<double> ref =
            strong ? caseQuality(strong->at(c.caseIndex)) : std::nullopt;
        bool pass = true;
        bool approx = false;
        QStringList models;
        for (const TurnResult &t : c.turns) {
            pass = pass && t.error.isEmpty() && (!t.score.value || t.score.pass);
            approx = approx || t.approximation;
            models.append(t.model.section(QLatin1Char('/'), -1));
        }
        if (m_caseFilter == QLatin1String("failures") && pass)
            continue;
        if (m_caseFilter == QLatin1String("differences") && q == ref)
            continue;
        out.append(QVariantMap{
            {QStringLiteral("index"), c.caseIndex},
            {QStringLiteral("id"), ec.id},
            {QStringLiteral("task"), ec.task},
            {QStringLiteral("quality"), qualityText(q, accuracy)},
            {QStringLiteral("strongQuality"), qualityText(ref, accuracy)},
            {QStringLiteral("pass"), pass},
            {QStringLiteral("approximation"), approx},
            {QStringLiteral("models"), models.join(QStringLiteral(" → "))},
            {QStringLiteral("question"), ec.userTurns.value(0).left(140).simplified()}});
    }
    return out;
}

QVariantMap EvaluateModel::caseDetail(int caseIndex) const
{
    if (!m_outcome || caseIndex < 0 || caseIndex >= m_outcome->set->cases.size())
        return {};
    const EvalCase &ec = m_outcome->set->cases.at(caseIndex);
    QVariantList columns;
    QList<int> shown{m_selectedRun};
    for (int v = 0; v < m_outcome->variants.size(); ++v)
        if (v != m_selectedRun && m_outcome->variants.at(v).kind == QLatin1String("baseline"))
            shown.append(v);
    for (int v : shown) {
        if (v < 0 || v >= m_outcome->results.size())
            continue;
        const CaseResult &c = m_outcome->results.at(v).at(caseIndex);
        QVariantList turns;
        for (const TurnResult &t : c.turns)
            turns.append(
                QVariantMap{{QStringLiteral("model"), t.model},
                            {QStringLiteral("answer"), t.error.isEmpty() ? t.answer : t.error},
                            {QStringLiteral("score"),
                             t.score.value ? QString::number(*t.score.value) : QStringLiteral("–")},
                            {QStringLiteral("detail"), t.score.detail},
                            {QStringLiteral("approximation"), t.approximation}});
        columns.append(QVariantMap{{QStringLiteral("name"), m_outcome->variants.at(v).name},
                                   {QStringLiteral("turns"), turns}});
    }
    QString expectation;
    const Expectation &e = ec.expect;
    if (e.scorer.isEmpty() || e.scorer == QLatin1String("label"))
        expectation = m_outcome->set->labels == LabelKind::Score
                          ? tr("Recorded judge score (1–10) of the answer that answered")
                          : tr("Recorded right/wrong label of the answer that answered");
    else
        expectation = QStringLiteral("%1: %2").arg(e.scorer, !e.value.isEmpty()     ? e.value
                                                             : !e.pattern.isEmpty() ? e.pattern
                                                                                    : e.rubric);
    if (!ec.references.isEmpty())
        expectation += tr("\nReference: %1").arg(ec.references.join(QStringLiteral("\n")));
    return {{QStringLiteral("id"), ec.id},
            {QStringLiteral("task"), ec.task},
            {QStringLiteral("userTurns"), ec.userTurns},
            {QStringLiteral("expectation"), expectation},
            {QStringLiteral("columns"), columns}};
}

} // namespace ladder
