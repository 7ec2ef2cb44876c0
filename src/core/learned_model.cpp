#include "learned_model.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace ladder {

namespace {

// FNV-1a over a namespace byte and UTF-16 code units (low byte first), so the buckets are the
// same on every platform.
class Hasher
{
public:
    explicit Hasher(char space) { byte(quint8(space)); }
    void byte(quint8 b)
    {
        m_h ^= b;
        m_h *= 16777619u;
    }
    void unit(QChar c)
    {
        byte(quint8(c.unicode() & 0xff));
        byte(quint8(c.unicode() >> 8));
    }
    void text(QStringView s)
    {
        for (QChar c : s)
            unit(c);
    }
    quint32 value() const { return m_h; }

private:
    quint32 m_h = 2166136261u;
};

constexpr qsizetype kMaxChars = 4000; // longer turns are read up to here

QStringList words(const QString &text)
{
    QStringList out;
    QString current;
    const QString lower = text.left(kMaxChars).toLower();
    for (QChar c : lower) {
        if (c.isLetterOrNumber()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

bool validRange(int lo, int hi)
{
    return (lo == 0 && hi == 0) || (lo >= 1 && hi >= lo && hi <= 8);
}

} // namespace

std::vector<quint32> learnedFeatureBuckets(const LearnedFeatures &f, const QString &userText,
                                           const QStringList &earlierTurns)
{
    const quint32 mask = f.hashBits >= 32 ? ~0u : (1u << f.hashBits) - 1;
    std::vector<quint32> out;
    const QStringList w = words(userText);
    out.reserve(size_t(w.size()) * 6 + 8);

    // Length: a bucket per doubling of the character count.
    Hasher length('l');
    length.byte(quint8(std::log2(1.0 + double(userText.size()))));
    out.push_back(length.value() & mask);

    if (f.wordMin >= 1) {
        for (int n = f.wordMin; n <= f.wordMax; ++n) {
            for (qsizetype i = 0; i + n <= w.size(); ++i) {
                Hasher h(char('0' + n));
                for (int k = 0; k < n; ++k) {
                    if (k)
                        h.byte(0x1f);
                    h.text(w.at(i + k));
                }
                out.push_back(h.value() & mask);
            }
        }
    }
    if (f.charMin >= 1) {
        const QString joined = QLatin1Char(' ') + w.join(QLatin1Char(' ')) + QLatin1Char(' ');
        for (int n = f.charMin; n <= f.charMax; ++n) {
            for (qsizetype i = 0; i + n <= joined.size(); ++i) {
                Hasher h('c');
                h.text(QStringView(joined).mid(i, n));
                out.push_back(h.value() & mask);
            }
        }
    }
    if (f.context) {
        for (const QString &turn : earlierTurns) {
            for (const QString &word : words(turn)) {
                Hasher h('x');
                h.text(word);
                out.push_back(h.value() & mask);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double LearnedModel::weight(quint32 bucket) const
{
    const auto it =
        std::lower_bound(weights.begin(), weights.end(), bucket,
                         [](const QPair<quint32, qint8> &e, quint32 b) { return e.first < b; });
    return it != weights.end() && it->first == bucket ? it->second * scale : 0.0;
}

double LearnedModel::probability(const QString &userText, const QStringList &earlierTurns) const
{
    const std::vector<quint32> buckets = learnedFeatureBuckets(features, userText, earlierTurns);
    double z = bias;
    if (!buckets.empty()) {
        const double value = 1.0 / std::sqrt(double(buckets.size()));
        for (quint32 b : buckets)
            z += weight(b) * value;
    }
    return 1.0 / (1.0 + std::exp(-z));
}

void LearnedModel::setWeights(const std::vector<float> &dense, double pruneBelow)
{
    weights.clear();
    float largest = 0;
    for (float w : dense)
        largest = std::max(largest, std::fabs(w));
    scale = largest > 0 ? double(largest) / 127.0 : 0.0;
    if (scale == 0)
        return;
    const float cut = float(pruneBelow) * largest;
    for (size_t i = 0; i < dense.size(); ++i) {
        const long q = std::lround(dense[i] / scale);
        if (q != 0 && std::fabs(dense[i]) >= cut)
            weights.append({quint32(i), qint8(std::clamp(q, -127L, 127L))});
    }
}

QJsonObject learnedModelToJson(const LearnedModel &m)
{
    QByteArray packed;
    quint32 previous = 0;
    for (const auto &[bucket, q] : m.weights) {
        quint32 gap = bucket - previous;
        previous = bucket;
        do {
            quint8 b = gap & 0x7f;
            gap >>= 7;
            if (gap)
                b |= 0x80;
            packed.append(char(b));
        } while (gap);
        packed.append(char(q));
    }
    QJsonObject o{
        {QStringLiteral("version"), m.version},
        {QStringLiteral("features"),
         QJsonObject{
             {QStringLiteral("hash_bits"), m.features.hashBits},
             {QStringLiteral("word_ngrams"), QJsonArray{m.features.wordMin, m.features.wordMax}},
             {QStringLiteral("char_ngrams"), QJsonArray{m.features.charMin, m.features.charMax}},
             {QStringLiteral("context"), m.features.context}}},
        {QStringLiteral("bias"), m.bias},
        {QStringLiteral("scale"), m.scale},
        {QStringLiteral("weights"), QString::fromLatin1(packed.toBase64())},
    };
    if (!m.trained.isEmpty())
        o.insert(QStringLiteral("trained"), m.trained);
    return o;
}

namespace {

// The issues of one model object, each at its JSON path below the model's.
class IssueList
{
public:
    IssueList(const QString &path, QList<LearnedModelIssue> *issues)
        : m_path(path)
        , m_issues(issues)
        , m_before(issues->size())
    {}
    void add(const QString &key, const QString &message, bool warning = false)
    {
        m_issues->append(
            {key.isEmpty() ? m_path : m_path + QLatin1Char('/') + key, message, warning});
    }
    bool fatal() const // an error (not only warnings) since this list began
    {
        for (qsizetype i = m_before; i < m_issues->size(); ++i) {
            if (!m_issues->at(i).warning)
                return true;
        }
        return false;
    }

private:
    QString m_path;
    QList<LearnedModelIssue> *m_issues;
    qsizetype m_before;
};

// "version" is the one this build reads; unknown keys are warnings.
bool readVersion(const QJsonObject &o, IssueList &issues)
{
    const QJsonValue version = o.value(QLatin1String("version"));
    if (!version.isDouble()) {
        issues.add(version.isUndefined() ? QString() : QStringLiteral("version"),
                   version.isUndefined() ? QStringLiteral("missing \"version\"")
                                         : QStringLiteral("expected an integer"));
        return false;
    }
    if (version.toDouble() != kLearnedModelVersion) {
        issues.add(QStringLiteral("version"),
                   QStringLiteral("unsupported model version %1 (this build reads version %2)")
                       .arg(version.toDouble())
                       .arg(kLearnedModelVersion));
        return false;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known{QStringLiteral("version"), QStringLiteral("features"),
                                       QStringLiteral("bias"),    QStringLiteral("scale"),
                                       QStringLiteral("weights"), QStringLiteral("trained")};
        if (!known.contains(it.key()))
            issues.add(QString(), QStringLiteral("unknown key \"%1\"").arg(it.key()), true);
    }
    return true;
}

void readFeatures(const QJsonObject &f, LearnedFeatures *features, IssueList &issues)
{
    const QJsonValue bits = f.value(QLatin1String("hash_bits"));
    if (!bits.isUndefined()) {
        const double b = bits.toDouble(-1);
        if (!bits.isDouble() || b != std::floor(b) || b < 8 || b > 24)
            issues.add(QStringLiteral("features/hash_bits"),
                       QStringLiteral("expected an integer from 8 to 24"));
        else
            features->hashBits = int(b);
    }
    for (const char *key : {"word_ngrams", "char_ngrams"}) {
        const QJsonValue v = f.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const QJsonArray a = v.toArray();
        const bool shape = v.isArray() && a.size() == 2 && a.at(0).isDouble() && a.at(1).isDouble();
        const int lo = shape ? a.at(0).toInt(-1) : -1;
        const int hi = shape ? a.at(1).toInt(-1) : -1;
        if (!shape || !validRange(lo, hi)) {
            issues.add(QStringLiteral("features/") + QLatin1String(key),
                       QStringLiteral("expected [MIN, MAX] with 1 <= MIN <= MAX <= 8, or [0, 0] "
                                      "for none"));
            continue;
        }
        const bool words = qstrcmp(key, "word_ngrams") == 0;
        (words ? features->wordMin : features->charMin) = lo;
        (words ? features->wordMax : features->charMax) = hi;
    }
    const QJsonValue context = f.value(QLatin1String("context"));
    if (!context.isUndefined()) {
        if (!context.isBool())
            issues.add(QStringLiteral("features/context"), QStringLiteral("expected a boolean"));
        else
            features->context = context.toBool();
    }
}

// "bias" (any finite number) and "scale" (0 or more), both required.
void readBiasAndScale(const QJsonObject &o, LearnedModel *m, IssueList &issues)
{
    for (const char *key : {"bias", "scale"}) {
        const bool scale = qstrcmp(key, "scale") == 0;
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            issues.add(QString(), QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
            continue;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || (scale && v.toDouble() < 0)) {
            issues.add(QLatin1String(key), scale ? QStringLiteral("expected a number of 0 or more")
                                                 : QStringLiteral("expected a number"));
            continue;
        }
        (scale ? m->scale : m->bias) = v.toDouble();
    }
}

// The (varint gap, int8) pairs learnedModelToJson() packs, back into buckets below 2^hashBits.
void unpackWeights(const QByteArray &bytes, int hashBits, LearnedModel *m, IssueList &issues)
{
    const quint64 buckets = quint64(1) << hashBits;
    quint64 bucket = 0;
    qsizetype i = 0;
    bool first = true;
    while (i < bytes.size()) {
        quint64 gap = 0;
        int shift = 0;
        bool more = true;
        while (more && i < bytes.size() && shift < 35) {
            const quint8 b = quint8(bytes.at(i++));
            gap |= quint64(b & 0x7f) << shift;
            shift += 7;
            more = b & 0x80;
        }
        if (more || i >= bytes.size()) {
            issues.add(QStringLiteral("weights"),
                       QStringLiteral("truncated at byte %1 of %2").arg(i).arg(bytes.size()));
            return;
        }
        if (!first && gap == 0) {
            issues.add(QStringLiteral("weights"),
                       QStringLiteral("bucket %1 appears twice (byte %2)").arg(bucket).arg(i));
            return;
        }
        first = false;
        bucket += gap;
        if (bucket >= buckets) {
            issues.add(QStringLiteral("weights"),
                       QStringLiteral("bucket %1 is outside the %2 buckets of hash_bits %3")
                           .arg(bucket)
                           .arg(buckets)
                           .arg(hashBits));
            return;
        }
        m->weights.append({quint32(bucket), qint8(bytes.at(i++))});
    }
}

void readWeights(const QJsonValue &weights, LearnedModel *m, IssueList &issues)
{
    if (!weights.isString()) {
        issues.add(weights.isUndefined() ? QString() : QStringLiteral("weights"),
                   weights.isUndefined() ? QStringLiteral("missing \"weights\"")
                                         : QStringLiteral("expected a base64 string"));
        return;
    }
    const auto decoded = QByteArray::fromBase64Encoding(weights.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        issues.add(QStringLiteral("weights"), QStringLiteral("not valid base64"));
    else
        unpackWeights(*decoded, m->features.hashBits, m, issues);
}

} // namespace

std::optional<LearnedModel> learnedModelFromJson(const QJsonObject &o, const QString &path,
                                                 QList<LearnedModelIssue> *errors)
{
    IssueList issues(path, errors);
    if (!readVersion(o, issues))
        return std::nullopt;
    LearnedModel m;
    const QJsonValue features = o.value(QLatin1String("features"));
    if (features.isObject())
        readFeatures(features.toObject(), &m.features, issues);
    else if (!features.isUndefined())
        issues.add(QStringLiteral("features"), QStringLiteral("expected an object"));
    readBiasAndScale(o, &m, issues);
    readWeights(o.value(QLatin1String("weights")), &m, issues);
    const QJsonValue trained = o.value(QLatin1String("trained"));
    if (trained.isObject())
        m.trained = trained.toObject();
    else if (!trained.isUndefined())
        issues.add(QStringLiteral("trained"), QStringLiteral("expected an object"));
    if (issues.fatal())
        return std::nullopt;
    return m;
}

} // namespace ladder
