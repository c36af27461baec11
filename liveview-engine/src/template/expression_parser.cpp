// Tokenizer and precedence-climbing parser for template expressions.
#include "expression.h"

namespace liveview::internal {
namespace {

struct Token
{
    enum class Type
    {
        End,
        Number,
        String,
        Identifier,
        AssignRef,
        Operator,
        Punct
    };
    Type type = Type::End;
    QString text;
    QVariant value;
    int offset = 0;
};

class ExpressionParser
{
public:
    ExpressionParser(const QString &text, const SourcePosition &start)
        : m_text(text), m_start(start)
    {
        tokenize();
    }

    ExpressionPtr parseAll()
    {
        ExpressionPtr e = parseBinary(0);
        expectEnd();
        return e;
    }

    Generator parseGenerator()
    {
        Generator g;
        if (isPunct(peek(), u'{')) { // `{a, b} <- pairs`
            next();
            g.variable = expectIdentifier(QStringLiteral("the first name of the {a, b} pattern"));
            expectPunct(u',', QStringLiteral("between the two names of the pattern"));
            g.variable2 = expectIdentifier(QStringLiteral("the second name of the {a, b} pattern"));
            expectPunct(u'}', QStringLiteral("to close the pattern"));
        } else {
            g.variable = expectIdentifier(QStringLiteral("a variable name before `<-` in :for"));
        }
        const Token &arrow = next();
        if (arrow.type != Token::Type::Operator || arrow.text != u"<-")
            fail(arrow, QStringLiteral("expected `<-` after the variable of :for"));
        g.source = parseBinary(0);
        expectEnd();
        return g;
    }

private:
    [[noreturn]] void fail(const Token &at, const QString &what) const
    {
        int line = m_start.line, column = m_start.column;
        for (int i = 0; i < at.offset && i < m_text.size(); ++i) {
            if (m_text.at(i) == u'\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw TemplateError(m_start.file, line, column, what);
    }

    void tokenize()
    {
        const QString &s = m_text;
        int i = 0;
        while (i < s.size()) {
            const QChar c = s.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.offset = i;
            if (c.isDigit()) {
                int j = i;
                bool isFloat = false;
                while (j < s.size() && (s.at(j).isDigit() || s.at(j) == u'_'))
                    ++j;
                if (j + 1 < s.size() && s.at(j) == u'.' && s.at(j + 1).isDigit()) {
                    isFloat = true;
                    ++j;
                    while (j < s.size() && s.at(j).isDigit())
                        ++j;
                }
                QString digits = s.mid(i, j - i).remove(u'_');
                t.type = Token::Type::Number;
                t.value = isFloat ? QVariant(digits.toDouble()) : QVariant(digits.toLongLong());
                i = j;
            } else if (c == u'"' || c == u'\'') {
                t.type = Token::Type::String;
                QString value;
                int j = i + 1;
                for (; j < s.size() && s.at(j) != c; ++j) {
                    if (s.at(j) == u'\\' && j + 1 < s.size()) {
                        const QChar e = s.at(++j);
                        value.append(e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e);
                    } else {
                        value.append(s.at(j));
                    }
                }
                if (j >= s.size()) {
                    fail(t, QStringLiteral("expected a closing %1 for this string").arg(c));
                }
                t.value = value;
                i = j + 1;
            } else if (c == u'@' || c.isLetter() || c == u'_') {
                int j = i + (c == u'@' ? 1 : 0);
                const int nameStart = j;
                while (j < s.size() && (s.at(j).isLetterOrNumber() || s.at(j) == u'_' ||
                                        s.at(j) == u'?' || s.at(j) == u'!'))
                    ++j;
                t.text = s.mid(nameStart, j - nameStart);
                if (t.text.isEmpty())
                    fail(t, QStringLiteral("expected an assign name after `@`"));
                t.type = c == u'@' ? Token::Type::AssignRef : Token::Type::Identifier;
                if (t.type == Token::Type::Identifier &&
                    (t.text == u"and" || t.text == u"or" || t.text == u"not"))
                    t.type = Token::Type::Operator;
                i = j;
            } else {
                static const char *const twoChar[] = {
                    "==", "!=", "<=", ">=", "&&", "||", "<>", "<-"};
                t.type = Token::Type::Operator;
                t.text = c;
                for (const char *op : twoChar) {
                    if (s.mid(i, 2) == QLatin1String(op)) {
                        t.text = QLatin1String(op);
                        break;
                    }
                }
                if (QStringLiteral("()[],.{}").contains(c))
                    t.type = Token::Type::Punct;
                else if (!QStringLiteral("=!<>&|+-*/").contains(c))
                    fail(t, QStringLiteral("unexpected character `%1` in expression").arg(c));
                i += t.text.size();
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.offset = s.size();
        m_tokens.push_back(end);
    }

    const Token &peek() const { return m_tokens[m_pos]; }
    QString expectIdentifier(const QString &what)
    {
        const Token &t = next();
        if (t.type != Token::Type::Identifier)
            fail(t, QStringLiteral("expected %1").arg(what));
        return t.text;
    }
    const Token &next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }
    bool isPunct(const Token &t, QChar c) const
    {
        return t.type == Token::Type::Punct && t.text.size() == 1 && t.text.at(0) == c;
    }
    void expectPunct(QChar c, const QString &context)
    {
        const Token &t = next();
        if (!isPunct(t, c))
            fail(t, QStringLiteral("expected `%1` %2").arg(c).arg(context));
    }
    void expectEnd()
    {
        if (peek().type != Token::Type::End)
            fail(peek(), QStringLiteral("expected the end of the expression, found `%1`")
                             .arg(m_text.mid(peek().offset, 12)));
    }

    static int precedence(const QString &op)
    {
        if (op == u"||" || op == u"or")
            return 1;
        if (op == u"&&" || op == u"and")
            return 2;
        if (op == u"==" || op == u"!=")
            return 3;
        if (op == u"<" || op == u">" || op == u"<=" || op == u">=")
            return 4;
        if (op == u"<>")
            return 5;
        if (op == u"+" || op == u"-")
            return 6;
        if (op == u"*" || op == u"/")
            return 7;
        return -1;
    }

    ExpressionPtr parseBinary(int minPrecedence)
    {
        ExpressionPtr left = parseUnary();
        for (;;) {
            const Token &op = peek();
            if (op.type != Token::Type::Operator)
                return left;
            const int prec = precedence(op.text);
            if (prec < 0 || prec < minPrecedence)
                return left;
            next();
            // `<>` is right-associative like Elixir's; the rest associate left.
            ExpressionPtr right = parseBinary(op.text == u"<>" ? prec : prec + 1);
            auto e = std::make_unique<Expression>();
            e->kind = Expression::Kind::Binary;
            e->name = op.text == u"and"  ? QStringLiteral("&&")
                      : op.text == u"or" ? QStringLiteral("||")
                                         : op.text;
            e->operands.push_back(std::move(left));
            e->operands.push_back(std::move(right));
            left = std::move(e);
        }
    }

    ExpressionPtr parseUnary()
    {
        const Token &t = peek();
        if (t.type == Token::Type::Operator &&
            (t.text == u"!" || t.text == u"not" || t.text == u"-")) {
            next();
            auto e = std::make_unique<Expression>();
            e->kind = Expression::Kind::Unary;
            e->name = t.text == u"-" ? QStringLiteral("-") : QStringLiteral("!");
            e->operands.push_back(parseUnary());
            return e;
        }
        return parsePostfix(parsePrimary());
    }

    ExpressionPtr parsePostfix(ExpressionPtr base)
    {
        for (;;) {
            if (isPunct(peek(), u'.')) {
                next();
                const Token &field = next();
                if (field.type != Token::Type::Identifier)
                    fail(field, QStringLiteral("expected a field name after `.`"));
                auto e = std::make_unique<Expression>();
                e->kind = Expression::Kind::Field;
                e->name = field.text;
                e->operands.push_back(std::move(base));
                base = std::move(e);
            } else if (isPunct(peek(), u'[')) {
                next();
                auto e = std::make_unique<Expression>();
                e->kind = Expression::Kind::Index;
                e->operands.push_back(std::move(base));
                e->operands.push_back(parseBinary(0));
                expectPunct(u']', QStringLiteral("to close the index"));
                base = std::move(e);
            } else {
                return base;
            }
        }
    }

    ExpressionPtr parsePrimary()
    {
        const Token &t = next();
        auto e = std::make_unique<Expression>();
        switch (t.type) {
        case Token::Type::Number:
        case Token::Type::String:
            e->kind = Expression::Kind::Literal;
            e->literal = t.value;
            return e;
        case Token::Type::AssignRef:
            e->kind = Expression::Kind::Assign;
            e->name = t.text;
            return e;
        case Token::Type::Identifier:
            if (t.text == u"true" || t.text == u"false") {
                e->literal = t.text == u"true";
                return e;
            }
            if (t.text == u"nil") {
                return e; // an invalid QVariant is nil
            }
            if (isPunct(peek(), u'(')) {
                next();
                e->kind = Expression::Kind::Call;
                e->name = t.text;
                if (!isPunct(peek(), u')')) {
                    do {
                        e->operands.push_back(parseBinary(0));
                    } while (isPunct(peek(), u',') && (next(), true));
                }
                expectPunct(u')', QStringLiteral("to close the arguments of %1(...)").arg(t.text));
                return e;
            }
            e->kind = Expression::Kind::Local;
            e->name = t.text;
            return e;
        case Token::Type::Punct:
            if (t.text == u"(") {
                ExpressionPtr inner = parseBinary(0);
                expectPunct(u')', QStringLiteral("to close the parenthesis"));
                return inner;
            }
            if (t.text == u"[") {
                e->kind = Expression::Kind::List;
                if (!isPunct(peek(), u']')) {
                    do {
                        e->operands.push_back(parseBinary(0));
                    } while (isPunct(peek(), u',') && (next(), true));
                }
                expectPunct(u']', QStringLiteral("to close the list"));
                return e;
            }
            break;
        case Token::Type::End:
            fail(t, QStringLiteral("expected an expression"));
        default:
            break;
        }
        fail(t, QStringLiteral("expected a value, an assign or a function call, found `%1`")
                    .arg(t.text));
    }

    QString m_text;
    SourcePosition m_start;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
};

} // namespace

ExpressionPtr parseExpression(const QString &text, const SourcePosition &start)
{
    return ExpressionParser(text, start).parseAll();
}

Generator parseGenerator(const QString &text, const SourcePosition &start)
{
    return ExpressionParser(text, start).parseGenerator();
}

} // namespace liveview::internal
