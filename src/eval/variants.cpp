#include "variants.h"

#include "core/ladder_json.h"
#include "core/pricing.h"
#include "core/tier_price.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace ladder::eval {

QList<double> SweepSpec::values() const
{
    QList<double> out;
    if (step <= 0)
        return out;
    for (int i = 0; i < 200; ++i) {
        const double v = from + step * i;
        if (v > to + step * 1e-9)
            break;
        out.append(std::round(v * 1e9) / 1e9);
    }
    return out;
}

QString SweepSpec::label(double value) const
{
    return QStringLiteral("%1.%2=%3").arg(element, field, QString::number(value));
}

std::optional<SweepSpec> parseSweep(const QString &text, QString *error)
{
    static const QRegularExpression re(
        QStringLiteral("^([^.=]+)\\.([A-Za-z_][A-Za-z0-9_]*)=(-?[0-9.]+):(-?[0-9.]+):([0-9.]+)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        if (error)
            *error = QStringLiteral("--sweep \"%1\": expected ID.FIELD=FROM:TO:STEP").arg(text);
        return std::nullopt;
    }
    SweepSpec s{m.captured(1), m.captured(2), m.captured(3).toDouble(), m.captured(4).toDouble(),
                m.captured(5).toDouble()};
    if (s.step <= 0 || s.to < s.from) {
        if (error)
            *error = QStringLiteral("--sweep \"%1\": STEP must be > 0 and TO >= FROM").arg(text);
        return std::nullopt;
    }
    return s;
}

namespace {

QJsonValue number(double v)
{
    return std::floor(v) == v ? QJsonValue(qint64(v)) : QJsonValue(v);
}

QString numberText(double v)
{
    return std::floor(v) == v ? QString::number(qint64(v)) : QString::number(v);
}

} // namespace

std::optional<Ladder> applySweep(const Ladder &ladder, const SweepSpec &sweep, double value,
                                 QString *error)
{
    QJsonObject root = toJson(ladder);
    bool found = false;
    bool applied = false;
    auto patch = [&](const QString &list, const QString &inner) {
        QJsonArray items = root.value(list).toArray();
        for (int i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QStringLiteral("id")).toString() != sweep.element)
                continue;
            found = true;
            QJsonObject target = inner.isEmpty() ? item : item.value(inner).toObject();
            if (target.contains(sweep.field) && target.value(sweep.field).isDouble()) {
                target.insert(sweep.field, number(value));
                applied = true;
            }
            const QString placeholder = QLatin1Char('{') + sweep.field + QLatin1Char('}');
            auto replaceIn = [&](QJsonArray patterns) {
                for (int p = 0; p < patterns.size(); ++p) {
                    QString text = patterns.at(p).toString();
                    if (text.contains(placeholder)) {
                        text.replace(placeholder, numberText(value));
                        patterns[p] = text;
                        applied = true;
                    }
                }
                return patterns;
            };
            if (target.contains(QStringLiteral("patterns")))
                target.insert(QStringLiteral("patterns"),
                              replaceIn(target.value(QStringLiteral("patterns")).toArray()));
            if (target.contains(QStringLiteral("labels"))) {
                QJsonArray labels = target.value(QStringLiteral("labels")).toArray();
                for (int l = 0; l < labels.size(); ++l) {
                    QJsonObject label = labels.at(l).toObject();
                    label.insert(QStringLiteral("patterns"),
                                 replaceIn(label.value(QStringLiteral("patterns")).toArray()));
                    labels[l] = label;
                }
                target.insert(QStringLiteral("labels"), labels);
            }
            if (inner.isEmpty())
                item = target;
            else
                item.insert(inner, target);
            items[i] = item;
        }
        root.insert(list, items);
    };
    patch(QStringLiteral("detectors"), {});
    patch(QStringLiteral("transitions"), QStringLiteral("when"));
    patch(QStringLiteral("tiers"), QStringLiteral("params"));
    if (!found || !applied) {
        if (error)
            *error = found ? QStringLiteral("--sweep: \"%1\" has no number \"%2\" and no "
                                            "\"{%2}\" in its patterns")
                                 .arg(sweep.element, sweep.field)
                           : QStringLiteral("--sweep: no detector, transition or tier \"%1\"")
                                 .arg(sweep.element);
        return std::nullopt;
    }
    ParseResult parsed = parseLadderObject(root);
    if (!parsed.ok()) {
        if (error)
            *error = QStringLiteral("--sweep %1: %2")
                         .arg(sweep.label(value), parsed.diagnostics.first().toString());
        return std::nullopt;
    }
    return parsed.ladder;
}

bool applyMapping(Ladder *ladder, const QHash<QString, QString> &map, QString *error)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        bool found = false;
        for (Tier &t : ladder->tiers) {
            if (t.id != it.key())
                continue;
            t.provider = QStringLiteral("replay");
            t.model = it.value();
            t.fallback.clear(); // a recorded answerer has no fallback
            found = true;
        }
        if (!found) {
            if (error)
                *error = QStringLiteral("--map %1=%2: the ladder has no tier \"%1\"")
                             .arg(it.key(), it.value());
            return false;
        }
    }
    return true;
}

std::optional<Ladder> alwaysTier(const Ladder &ladder, const QString &tierId, QString *error)
{
    const Tier *tier = ladder.tier(tierId);
    if (!tier) {
        if (error)
            *error =
                QStringLiteral("--baseline always:%1: the ladder has no tier \"%1\"").arg(tierId);
        return std::nullopt;
    }
    Ladder out = ladder;
    out.name = QStringLiteral("always:") + tierId;
    out.tiers = {*tier};
    out.entry = tierId;
    out.transitions.clear();
    out.detectors.clear();
    out.layout.clear();
    return out;
}

namespace {

double listPrice(const QString &model)
{
    return ladder::listPrice(model, PricingTable::builtin()).value_or(-1);
}

} // namespace

QString strongestModel(const Ladder &ladder)
{
    QString best;
    double price = -1;
    for (const Tier &t : ladder.tiers)
        if (listPrice(t.model) > price) {
            price = listPrice(t.model);
            best = t.model;
        }
    return price >= 0 ? best : QString();
}

QString cheapestModel(const Ladder &ladder)
{
    QString best;
    double price = 1e300;
    for (const Tier &t : ladder.tiers) {
        const double p = listPrice(t.model);
        if (p >= 0 && p < price) {
            price = p;
            best = t.model;
        }
    }
    return best;
}

} // namespace ladder::eval
