// The batch pipeline. The calling thread reads lines into chunks and hands them to the
// workers; each worker assesses whole chunks (the core is pure: a chunk shares nothing but
// the read-only rulebook); the calling thread writes finished chunks strictly in the order
// they were read. At most a few chunks per worker are in flight, so memory stays bounded
// however long the input is.
#include "batch_runner.h"

#include "batch_csv.h"
#include "commands.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <istream>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace herreg::cli {

namespace {

// 64 portfolios of 100 activities are a few milliseconds of work: large enough that handing
// them over costs nothing, small enough that the last chunks do not leave a core idle long.
constexpr size_t kChunkLines = 64;
constexpr size_t kChunkBytes = size_t(4) << 20;
constexpr size_t kChunksPerWorker = 4;

struct Chunk {
    long first_number = 0;            // line number of lines[0]
    size_t count = 0;                 // lines used; `lines` keeps its strings for reuse
    std::vector<std::string> lines;
    // What a worker made of them (an empty line: no rows):
    std::vector<BatchLine> out;
    bool done = false;                // guarded by Pipeline::mutex
};

// Reads up to a chunk's worth of lines; false at the end of the input.
bool read_chunk(std::istream& in, Chunk& c, long& number) {
    c.first_number = number + 1;
    c.count = 0;
    size_t bytes = 0;
    while (c.count < kChunkLines && bytes < kChunkBytes) {
        if (c.lines.size() == c.count) c.lines.emplace_back();
        std::string& line = c.lines[c.count];
        if (!std::getline(in, line)) break;
        ++c.count;
        ++number;
        bytes += line.size();
    }
    return c.count > 0;
}

// The worker's part: each line to its rows. Exactly the single-threaded loop of herreg batch,
// minus the writing.
void assess_chunk(Chunk& c, const Rulebook& book, const BatchSettings& settings) {
    c.out.resize(c.count);
    for (size_t i = 0; i < c.count; ++i) {
        std::string& line = c.lines[i];
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            c.out[i] = BatchLine{};
            continue;
        }
        c.out[i] = batch_line(line, book, settings.today, settings.format);
    }
}

// A row kept for --sort urgency.
struct Waiting {
    bool error = false;
    std::optional<long> days_left;
    std::string text;   // with its line end
};

class Pipeline {
public:
    Pipeline(std::ostream& out, std::ostream& err, const Rulebook& book, const BatchSettings& s)
        : out_(out), err_(err), book_(book), settings_(s) {}

    BatchCounts run(std::istream& in) {
        const unsigned workers = settings_.threads < 1 ? 1 : settings_.threads;
        std::vector<std::thread> threads;
        // However this function is left, the workers are told to stop and are joined.
        struct JoinAll {
            Pipeline& p;
            std::vector<std::thread>& threads;
            ~JoinAll() {
                {
                    std::lock_guard<std::mutex> lock(p.mutex_);
                    p.closed_ = true;
                }
                p.work_ready_.notify_all();
                for (auto& t : threads) t.join();
            }
        } join_all{*this, threads};
        for (unsigned i = 0; i < workers; ++i) threads.emplace_back([this] { work(); });
        const size_t max_in_flight = kChunksPerWorker * workers;

        long number = 0;
        for (;;) {
            std::unique_ptr<Chunk> chunk = spare_chunk();
            if (!read_chunk(in, *chunk, number)) break;
            std::unique_lock<std::mutex> lock(mutex_);
            Chunk* c = chunk.get();
            in_flight_.push_back(std::move(chunk));
            todo_.push_back(c);
            work_ready_.notify_one();
            write_finished(lock, max_in_flight);
        }
        std::unique_lock<std::mutex> lock(mutex_);
        write_finished(lock, 1);   // everything: wait for each chunk in turn
        return counts_;
    }

private:
    std::ostream& out_;
    std::ostream& err_;
    const Rulebook& book_;
    const BatchSettings& settings_;
    BatchCounts counts_;
    std::vector<std::unique_ptr<Chunk>> spare_;   // written chunks, kept for their buffers

    std::mutex mutex_;
    std::condition_variable work_ready_, chunk_done_;
    std::deque<Chunk*> todo_;                          // read, not yet taken by a worker
    std::deque<std::unique_ptr<Chunk>> in_flight_;     // read, not yet written; input order
    bool closed_ = false;                              // no more chunks will come

    std::unique_ptr<Chunk> spare_chunk() {
        if (spare_.empty()) return std::make_unique<Chunk>();
        std::unique_ptr<Chunk> c = std::move(spare_.back());
        spare_.pop_back();
        c->done = false;
        return c;
    }

    void work() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            work_ready_.wait(lock, [this] { return !todo_.empty() || closed_; });
            if (todo_.empty()) return;
            Chunk* c = todo_.front();
            todo_.pop_front();
            lock.unlock();
            assess_chunk(*c, book_, settings_);
            lock.lock();
            c->done = true;
            chunk_done_.notify_all();
        }
    }

    // Writes the finished chunks at the front, in order; waits while `limit` or more chunks
    // are in flight (limit 1: until all are written). Writing happens outside the lock.
    void write_finished(std::unique_lock<std::mutex>& lock, size_t limit) {
        while (!in_flight_.empty()) {
            if (!in_flight_.front()->done) {
                if (in_flight_.size() < limit) return;
                chunk_done_.wait(lock);
                continue;
            }
            std::unique_ptr<Chunk> c = std::move(in_flight_.front());
            in_flight_.pop_front();
            lock.unlock();
            write_chunk(*c);
            spare_.push_back(std::move(c));
            lock.lock();
        }
    }

    // Line by line, as the single-threaded loop wrote: a bad line's console message right
    // after the rows before it, so stdout and stderr in one terminal or file (2>&1; std::cerr
    // is tied to std::cout) interleave as before. Sorted, the rows wait for the end.
    void write_chunk(const Chunk& c) {
        const char sep = settings_.format.separator();
        for (size_t i = 0; i < c.count; ++i) {
            const long number = c.first_number + long(i);
            const BatchLine& line = c.out[i];
            if (line.rows.empty()) {
                ++counts_.empty;
            } else {
                // The first line an id came on; a later line with it says so (its rows too).
                std::string first;
                if (!line.id.empty()) {
                    const auto [at, fresh] = first_line_.emplace(line.id, number);
                    if (!fresh) {
                        first = std::to_string(at->second);
                        ++counts_.duplicates;
                    }
                }
                if (line.problem.empty()) ++counts_.good;
                else {
                    ++counts_.bad;
                    // One piece, one write: std::cerr is unbuffered.
                    err_ << "herreg batch: line " + std::to_string(number) + (line.id.empty() ? "" : " (id " + line.id + ")") + ": " +
                                line.problem + "\n";
                }
                for (const BatchRow& row : line.rows) {
                    std::string text = row.text + sep + first + "\n";
                    if (settings_.sort_urgency) waiting_.push_back({row.error, row.days_left, std::move(text)});
                    else out_ << text;
                }
            }
            if (settings_.progress && number % 5000 == 0) err_ << "\rherreg batch: " << number << " lines" << std::flush;
        }
    }

public:
    // --sort urgency: bad lines first (they need fixing), then the fewest days left to the next
    // deadline, rows without one last; input order among equals.
    void write_sorted() {
        std::stable_sort(waiting_.begin(), waiting_.end(), [](const Waiting& x, const Waiting& y) {
            if (x.error != y.error) return x.error;
            if (x.days_left.has_value() != y.days_left.has_value()) return x.days_left.has_value();
            return x.days_left && *x.days_left < *y.days_left;
        });
        for (const Waiting& w : waiting_) out_ << w.text;
        waiting_.clear();
    }

private:
    std::unordered_map<std::string, long> first_line_;   // id -> the line it first came on
    std::vector<Waiting> waiting_;
};

}  // namespace

unsigned default_batch_threads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

BatchCounts run_batch(std::istream& in, std::ostream& out, std::ostream& err, const Rulebook& book, const BatchSettings& settings) {
    if (settings.format.excel) out << "\xEF\xBB\xBF";   // so a spreadsheet reads the file as UTF-8
    out << batch_csv_header(settings.format) << "\n";
    Pipeline pipeline(out, err, book, settings);
    const BatchCounts counts = pipeline.run(in);
    pipeline.write_sorted();
    if (settings.progress) err << "\r";
    return counts;
}

}  // namespace herreg::cli
