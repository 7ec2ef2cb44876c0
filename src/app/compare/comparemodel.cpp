#include "comparemodel.h"

#include "preferencecases.h"

#include "core/ladder_json.h"
#include "core/resources.h"
#include "document/ladderdocument.h"
#include "store/audit_store.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace ladder {

CompareModel::CompareModel(QObject *parent)
    : QObject(parent)
    , m_comparisonId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_shuffleSeed(QRandomGenerator::global()->generate64())
{}

CompareModel::~CompareModel() = default;

QList<QObject *> CompareModel::columns() const
{
    QList<QObject *> out;
    for (int i : m_order)
        out.append(m_columns[i]);
    return out;
}

QQmlListProperty<ChatSessionModel> CompareModel::columnList()
{
    auto count = [](QQmlListProperty<ChatSessionModel> *list) {
        return qsizetype(static_cast<CompareModel *>(list->object)->count());
    };
    auto at = [](QQmlListProperty<ChatSessionModel> *list, qsizetype i) {
        return static_cast<CompareModel *>(list->object)->column(int(i));
    };
    return {this, nullptr, count, at};
}

ChatSessionModel *CompareModel::column(int displayIndex) const
{
    if (displayIndex < 0 || displayIndex >= m_order.size())
        return nullptr;
    return m_columns[m_order[displayIndex]];
}

bool CompareModel::busy() const
{
    return std::any_of(m_columns.cbegin(), m_columns.cend(),
                       [](const ChatSessionModel *c) { return c->busy(); });
}

void CompareModel::setTimeScale(double scale)
{
    if (qFuzzyCompare(m_timeScale, scale))
        return;
    m_timeScale = scale;
    for (ChatSessionModel *c : std::as_const(m_columns))
        c->setTimeScale(scale);
    emit timeScaleChanged();
}

void CompareModel::setProviders(std::shared_ptr<const ProviderConfig> config,
                                std::shared_ptr<const KeySource> keys)
{
    m_providers = std::move(config);
    m_keys = std::move(keys);
    for (ChatSessionModel *c : std::as_const(m_columns))
        c->setProviders(m_providers, m_keys);
}

bool CompareModel::addLadder(const Ladder &ladder, const QString &name)
{
    if (m_columns.size() >= kMaxColumns || ladder.tiers.isEmpty())
        return false;
    auto *c = new ChatSessionModel(this);
    c->setAuditStore(m_store);
    c->setResponseCache(m_cache);
    c->setProviders(m_providers, m_keys);
    c->setTimeScale(m_timeScale);
    c->setLadder(ladder);
    c->setTitle({});
    c->setProperty("ladderTitle", name.isEmpty() ? ladder.name : name);
    connect(c, &ChatSessionModel::busyChanged, this, [this] {
        emit busyChanged();
        if (!busy())
            emit allIdle();
    });
    connect(c, &ChatSessionModel::statsChanged, this, &CompareModel::statsChanged);
    m_columns.append(c);
    m_order.append(int(m_columns.size()) - 1);
    if (m_blind)
        shuffle();
    relabel();
    emit columnsChanged();
    return true;
}

bool CompareModel::addDocument(LadderDocument *document)
{
    return document && addLadder(document->ladder(), document->ladder().name);
}

bool CompareModel::addTemplate(const QString &name)
{
    return addLadder(templateLadder(name));
}

namespace {

const QLatin1String kBaselinePrefix("baseline:");
const QLatin1String kTemplatePrefix("template:");

} // namespace

bool CompareModel::isVariant(const QString &variant)
{
    return variant.startsWith(kBaselinePrefix) || variant.startsWith(kTemplatePrefix);
}

Ladder CompareModel::variantLadder(const Ladder &ladder, const QString &variant)
{
    if (variant.startsWith(kBaselinePrefix))
        return baselineLadder(ladder, variant.mid(kBaselinePrefix.size()));
    if (variant.startsWith(kTemplatePrefix))
        return templateLadder(variant.mid(kTemplatePrefix.size()));
    return {};
}

Ladder CompareModel::templateLadder(const QString &name)
{
    const ParseResult r = parseLadder(readResource(exampleLadderResourcePath(name)));
    return r.ok() ? r.ladder : Ladder{};
}

Ladder CompareModel::baselineLadder(const Ladder &ladder, const QString &tierId)
{
    Ladder out;
    const Tier *tier = ladder.tier(tierId);
    if (!tier)
        return out;
    out.name = tr("always %1").arg(tier->label.isEmpty() ? tier->id : tier->label);
    out.description = tr("Single-model baseline: every turn on %1.").arg(tier->model);
    out.entry = tier->id;
    Tier only = *tier;
    only.escalateTool = false;
    out.tiers.append(only);
    out.memory = ladder.memory;
    out.memory.inject = MemoryPolicy::Inject::Never;
    out.history = ladder.history;
    out.signalSettings = ladder.signalSettings;
    out.cache = ladder.cache;
    return out;
}

QVariantList CompareModel::tiersOf(LadderDocument *document) const
{
    if (!document)
        return {};
    ChatTimelineModel lanes;
    lanes.setLadder(document->ladder());
    return lanes.lanes();
}

bool CompareModel::addBaseline(LadderDocument *document, const QString &tierId)
{
    if (!document)
        return false;
    const Ladder baseline = baselineLadder(document->ladder(), tierId);
    return addLadder(baseline);
}

QStringList CompareModel::defaultVariants(const Ladder &ladder)
{
    QStringList variants;
    const QStringList lanes = ChatTimelineModel::laneOrder(ladder); // strongest first
    if (!lanes.isEmpty())
        variants.append(kBaselinePrefix + lanes.constFirst());
    if (lanes.size() > 1)
        variants.append(kBaselinePrefix + lanes.constLast());
    return variants;
}

bool CompareModel::addDefaultComparison(LadderDocument *document)
{
    if (!document || document->ladder().name.isEmpty())
        return false;
    const Ladder &ladder = document->ladder();
    clearColumns();
    addDocument(document);
    for (const QString &variant : defaultVariants(ladder))
        addLadder(variantLadder(ladder, variant));
    return true;
}

void CompareModel::removeColumn(int displayIndex)
{
    if (displayIndex < 0 || displayIndex >= m_order.size())
        return;
    const int index = m_order[displayIndex];
    ChatSessionModel *c = m_columns.takeAt(index);
    c->deleteLater();
    m_order.removeAt(displayIndex);
    for (int &i : m_order) {
        if (i > index)
            --i;
    }
    relabel();
    emit columnsChanged();
    emit busyChanged();
}

void CompareModel::clearColumns()
{
    m_runFromTurn = 0;
    qDeleteAll(m_columns);
    m_columns.clear();
    m_order.clear();
    m_picks.clear();
    m_pickedLadder.clear();
    emit picksChanged();
    emit columnsChanged();
    emit busyChanged();
}

int CompareModel::send(const QString &text)
{
    int taken = 0;
    for (ChatSessionModel *c : std::as_const(m_columns))
        taken += c->send(text) ? 1 : 0;
    emit busyChanged();
    return taken;
}

bool CompareModel::runFrom(ChatSessionModel *source, int turn, const QString &variant)
{
    if (!source || !source->hasLadder() || source->rowOfTurn(turn) < 0)
        return false;
    const Ladder ladder = source->ladder(); // copies: `source` may be one of the columns cleared
    const QStringList turns = source->userTurns();
    const quint64 seed = source->seed();
    Ladder other;
    QString name;
    std::optional<MemoryContent> memory;
    if (variant == QLatin1String("memory")) {
        if (!source->session())
            return false;
        other = ladder;
        name = tr("%1, memory as edited").arg(ladder.name);
        memory = std::as_const(*source->session()).memory().current();
    } else {
        other = variantLadder(ladder, variant);
        name = other.name;
    }
    if (other.tiers.isEmpty())
        return false;
    clearColumns();
    setBlind(false);
    addLadder(ladder, tr("%1, as it ran").arg(ladder.name));
    addLadder(other, name);
    for (int i = 0; i < m_columns.size(); ++i) {
        m_columns[i]->setSeed(seed);
        m_columns[i]->replay(turns, turn, i == 1 ? memory : std::nullopt);
    }
    m_runFromTurn = turn;
    emit columnsChanged();
    emit busyChanged();
    return true;
}

void CompareModel::stop()
{
    for (ChatSessionModel *c : std::as_const(m_columns))
        c->stop();
}

void CompareModel::restart()
{
    m_runFromTurn = 0;
    for (ChatSessionModel *c : std::as_const(m_columns))
        c->clear();
    m_picks.clear();
    m_pickedLadder.clear();
    m_revealed = false;
    if (m_blind)
        shuffle();
    relabel();
    emit picksChanged();
    emit blindChanged();
    emit columnsChanged();
}

void CompareModel::setBlind(bool blind)
{
    if (m_blind == blind)
        return;
    m_blind = blind;
    m_revealed = false;
    if (blind) {
        shuffle();
    } else {
        for (int i = 0; i < m_order.size(); ++i)
            m_order[i] = i;
    }
    relabel();
    emit blindChanged();
    emit columnsChanged();
}

void CompareModel::shuffle()
{
    for (int i = 0; i < m_order.size(); ++i)
        m_order[i] = i;
    QRandomGenerator rng(quint32(m_shuffleSeed ^ (m_shuffleSeed >> 32)));
    std::shuffle(m_order.begin(), m_order.end(), rng);
}

QString CompareModel::blindLabel(int displayIndex) const
{
    return QString(QChar(u'A' + displayIndex));
}

void CompareModel::relabel()
{
    for (int i = 0; i < m_order.size(); ++i) {
        ChatSessionModel *c = m_columns[m_order[i]];
        const QString name = c->property("ladderTitle").toString();
        c->setLabel(m_blind && !m_revealed ? tr("Ladder %1").arg(blindLabel(i)) : name);
    }
}

bool CompareModel::pick(int turn, int displayIndex)
{
    ChatSessionModel *c = column(displayIndex);
    if (!c || turn <= 0)
        return false;
    const QString label = blindLabel(displayIndex);
    const QString ladderName = c->property("ladderTitle").toString();
    m_picks.insert(turn, label);
    m_pickedLadder.insert(turn, ladderName);
    if (m_store) {
        Preference p;
        p.comparisonId = m_comparisonId;
        p.turn = turn;
        p.chosenLabel = label;
        p.ladder = ladderName;
        m_store->recordPreference(p);
    }
    if (m_blind && !m_preferenceSetPath.isEmpty()) {
        QList<const ChatSessionModel *> shown;
        for (int i = 0; i < count(); ++i)
            shown.append(column(i));
        QString error;
        if (PreferenceCases::record(m_preferenceSetPath, m_comparisonId, shown, turn, displayIndex,
                                    &error)
                .isEmpty())
            qWarning("compare: the pick was not kept as a preference case: %s", qPrintable(error));
    }
    emit picksChanged();
    return true;
}

void CompareModel::reveal()
{
    if (!m_blind || m_revealed)
        return;
    m_revealed = true;
    relabel();
    emit blindChanged();
    emit picksChanged();
}

QString CompareModel::pickedLabel(int turn) const
{
    return m_picks.value(turn);
}

// [{turn, label, ladder}] in turn order; `ladder` is empty until revealed in blind mode.
QVariantList CompareModel::picks() const
{
    QList<int> turns = m_picks.keys();
    std::sort(turns.begin(), turns.end());
    QVariantList out;
    for (int t : turns) {
        out.append(QVariantMap{{QStringLiteral("turn"), t},
                               {QStringLiteral("label"), m_picks.value(t)},
                               {QStringLiteral("ladder"),
                                !m_blind || m_revealed ? m_pickedLadder.value(t) : QString()}});
    }
    return out;
}

} // namespace ladder
