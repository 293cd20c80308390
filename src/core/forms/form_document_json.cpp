#include "forms/form_document_json.h"

#include "input/json_input.h"

#include <initializer_list>
#include <utility>

namespace herreg {
namespace {

// The words for a block's kind and a check's status, one table for writing and reading.
template <class E>
using Words = std::initializer_list<std::pair<E, const char*>>;
const Words<DocBlock::Kind> kKinds = {{DocBlock::Kind::paragraph, "paragraph"}, {DocBlock::Kind::note, "note"},
                                      {DocBlock::Kind::fields, "fields"},       {DocBlock::Kind::answer, "answer"},
                                      {DocBlock::Kind::table, "table"},         {DocBlock::Kind::checks, "checks"}};
const Words<CheckStatus> kStatuses = {{CheckStatus::ok, "ok"}, {CheckStatus::problem, "problem"}, {CheckStatus::info, "info"}};

template <class E>
const char* word_for(Words<E> words, E value) {
    for (const auto& [v, w] : words)
        if (v == value) return w;
    return words.begin()->second;
}

// Another word is wrong, named by its value beside the ones known.
template <class E>
E value_for(Words<E> words, const std::string& word, const std::string& path) {
    std::string known;
    for (const auto& [v, w] : words) {
        if (word == w) return v;
        known += (known.empty() ? "" : ", ") + std::string(w);
    }
    throw InputError(path, Message{"document.unknown_value", {quote_value(Json(word)), known}});
}

Json block_json(const DocBlock& b) {
    Json j = {{"kind", word_for(kKinds, b.kind)}, {"title", b.title}, {"text", b.text}};
    Json fields = Json::array();
    for (const DocField& f : b.fields) fields.push_back({f.label, f.value});
    j["fields"] = std::move(fields);
    const DocTable& t = b.table;
    j["table"] = {{"header", t.header}, {"widths", t.widths}, {"numeric", t.numeric},
                  {"rows", t.rows}, {"total", t.total}};
    Json checks = Json::array();
    for (const DocCheck& c : b.checks) checks.push_back({word_for(kStatuses, c.status), c.text, c.detail});
    j["checks"] = std::move(checks);
    return j;
}

// The reader: every member must be there with its type; `path` names it in the error.
const Json& member(const Json& obj, const char* key, const std::string& path) {
    require_object(obj, path);
    const Json* v = find_member(obj, key);
    if (v == nullptr) throw InputError(path_join(path, key), Message{"json.missing"});
    return *v;
}

const Json& array_of(const Json& obj, const char* key, const std::string& path) {
    const Json& v = member(obj, key, path);
    require_array(v, path_join(path, key));
    return v;
}

std::string string_at(const Json& arr, size_t i, const std::string& path) {
    require_array(arr, path);
    if (i >= arr.size()) throw InputError(path_index(path, i), Message{"json.missing"});
    if (!arr[i].is_string()) throw InputError(path_index(path, i), Message{"json.expected_text", {json_type_name(arr[i])}});
    return arr[i].get<std::string>();
}

// A list of texts: `arr` is the list itself, at `path`.
std::vector<std::string> strings_in(const Json& arr, const std::string& path) {
    require_array(arr, path);
    std::vector<std::string> out;
    for (size_t i = 0; i < arr.size(); ++i) out.push_back(string_at(arr, i, path));
    return out;
}

std::vector<std::string> strings(const Json& obj, const char* key, const std::string& path) {
    return strings_in(member(obj, key, path), path_join(path, key));
}

DocBlock read_block(const Json& j, const std::string& path) {
    DocBlock b;
    b.kind = value_for(kKinds, get_string(j, "kind", path), path_join(path, "kind"));
    b.title = get_string(j, "title", path);
    b.text = get_string(j, "text", path);
    const Json& fields = array_of(j, "fields", path);
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string at = path_index(path_join(path, "fields"), i);
        b.fields.push_back({string_at(fields[i], 0, at), string_at(fields[i], 1, at)});
    }
    const Json& t = member(j, "table", path);
    const std::string tp = path_join(path, "table");
    b.table.header = strings(t, "header", tp);
    b.table.total = strings(t, "total", tp);
    const Json& widths = array_of(t, "widths", tp);
    for (size_t i = 0; i < widths.size(); ++i) {
        b.table.widths.push_back(as_number(widths[i], path_index(path_join(tp, "widths"), i), 0.0, 1e6));
    }
    const Json& numeric = array_of(t, "numeric", tp);
    for (size_t i = 0; i < numeric.size(); ++i) {
        if (!numeric[i].is_boolean())
            throw InputError(path_index(path_join(tp, "numeric"), i), Message{"json.expected_bool", {json_type_name(numeric[i])}});
        b.table.numeric.push_back(numeric[i].get<bool>());
    }
    const Json& rows = array_of(t, "rows", tp);
    for (size_t r = 0; r < rows.size(); ++r) b.table.rows.push_back(strings_in(rows[r], path_index(path_join(tp, "rows"), r)));
    const Json& checks = array_of(j, "checks", path);
    for (size_t i = 0; i < checks.size(); ++i) {
        const std::string at = path_index(path_join(path, "checks"), i);
        DocCheck c;
        c.status = value_for(kStatuses, string_at(checks[i], 0, at), path_index(at, 0));
        c.text = string_at(checks[i], 1, at);
        c.detail = string_at(checks[i], 2, at);
        b.checks.push_back(std::move(c));
    }
    return b;
}

}  // namespace

std::string form_document_to_json(const FormDocument& doc) {
    Json j = {{"lang", doc.lang},         {"title", doc.title},     {"subtitle", doc.subtitle},
              {"footer", doc.footer},     {"page_of", doc.page_of}, {"empty_answer", doc.empty_answer},
              {"file_stem", doc.file_stem}, {"created", to_iso(doc.created)}};
    Json sections = Json::array();
    for (const DocSection& s : doc.sections) {
        Json blocks = Json::array();
        for (const DocBlock& b : s.blocks) blocks.push_back(block_json(b));
        sections.push_back({{"title", s.title}, {"blocks", std::move(blocks)}});
    }
    j["sections"] = std::move(sections);
    // Text that is not UTF-8 (an old file read as Windows-1252 is converted, but be sure) is
    // written with U+FFFD in its place rather than refused: the PDF is still made.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

FormDocument form_document_from_json(std::string_view text) {
    const Json j = parse_json_document(text, "document");
    require_object(j, "");
    FormDocument doc;
    doc.lang = get_string(j, "lang", "");
    doc.title = get_string(j, "title", "");
    doc.subtitle = get_string(j, "subtitle", "");
    doc.footer = get_string(j, "footer", "");
    doc.page_of = get_string(j, "page_of", "");
    doc.empty_answer = get_string(j, "empty_answer", "");
    doc.file_stem = get_string(j, "file_stem", "");
    doc.created = get_date(j, "created", "");
    const Json& sections = array_of(j, "sections", "");
    for (size_t i = 0; i < sections.size(); ++i) {
        const std::string at = path_index("sections", i);
        DocSection s;
        s.title = get_string(sections[i], "title", at);
        const Json& blocks = array_of(sections[i], "blocks", at);
        for (size_t k = 0; k < blocks.size(); ++k) s.blocks.push_back(read_block(blocks[k], path_index(path_join(at, "blocks"), k)));
        doc.sections.push_back(std::move(s));
    }
    return doc;
}

}  // namespace herreg
