// The batch pipeline. The calling thread reads lines into chunks and hands them to the
// workers; each worker assesses whole chunks (the core is pure: a chunk shares nothing but
// the read-only rulebook); the calling thread writes finished chunks strictly in the order
// they were read. At most a few chunks per worker are in flight, so memory stays bounded
// however long the input is.
#include "batch_runner.h"

#include "batch_csv.h"

#include <condition_variable>
#include <deque>
#include <istream>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace herreg::cli {

namespace {

// 64 portfolios of 100 activities are a few milliseconds of work: large enough that handing
// them over costs nothing, small enough that the last chunks do not leave a core idle long.
constexpr size_t kChunkLines = 64;
constexpr size_t kChunkBytes = size_t(4) << 20;
constexpr size_t kChunksPerWorker = 4;

enum class LineKind : char { blank, row, error };

struct Chunk {
    long first_number = 0;            // line number of lines[0]
    size_t count = 0;                 // lines used; `lines` keeps its strings for reuse
    std::vector<std::string> lines;
    // What a worker made of them:
    std::vector<LineKind> kinds;
    std::string rows;                 // the rows of all lines, one after the other
    std::vector<size_t> row_sizes;    // per line, 0 but for LineKind::row
    std::vector<std::string> errors;  // one per LineKind::error, in order
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

// The worker's part: each line to a row or an error message. Exactly the single-threaded
// loop of herreg batch, minus the writing.
void assess_chunk(Chunk& c, const Rulebook& book, const Date& today) {
    c.kinds.assign(c.count, LineKind::blank);
    c.row_sizes.assign(c.count, 0);
    c.rows.clear();
    c.errors.clear();
    for (size_t i = 0; i < c.count; ++i) {
        std::string& line = c.lines[i];
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        try {
            const std::string row = batch_line(line, book, today);
            c.rows += row;
            c.row_sizes[i] = row.size();
            c.kinds[i] = LineKind::row;
        } catch (const std::exception& e) {
            c.errors.emplace_back(e.what());
            c.kinds[i] = LineKind::error;
        }
    }
}

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
            assess_chunk(*c, book_, settings_.today);
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

    // Line by line, as the single-threaded loop wrote: the rows before an error or progress
    // line go out first, so stdout and stderr in one terminal or file (2>&1; std::cerr is tied
    // to std::cout) interleave as before.
    void write_chunk(const Chunk& c) {
        size_t written = 0, ready = 0;   // rows [written, ready) are due
        const auto write_rows = [&] {
            out_.write(c.rows.data() + written, std::streamsize(ready - written));
            written = ready;
        };
        size_t next_error = 0;
        for (size_t i = 0; i < c.count; ++i) {
            const long number = c.first_number + long(i);
            if (c.kinds[i] == LineKind::blank) continue;
            if (c.kinds[i] == LineKind::row) {
                ++counts_.good;
                ready += c.row_sizes[i];
            } else {
                ++counts_.bad;
                write_rows();
                // One piece, one write: std::cerr is unbuffered.
                err_ << "herreg batch: line " + std::to_string(number) + ": " + c.errors[next_error++] + "\n";
            }
            if (settings_.progress && number % 5000 == 0) {
                write_rows();
                err_ << "\rherreg batch: " << number << " lines" << std::flush;
            }
        }
        write_rows();
    }
};

}  // namespace

unsigned default_batch_threads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

BatchCounts run_batch(std::istream& in, std::ostream& out, std::ostream& err, const Rulebook& book, const BatchSettings& settings) {
    out << batch_csv_header();
    Pipeline pipeline(out, err, book, settings);
    const BatchCounts counts = pipeline.run(in);
    if (settings.progress) err << "\r";
    return counts;
}

}  // namespace herreg::cli
