// Nearest-rank percentile of samples (0 for none), for the load client's reports.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

template <class T> double percentile(std::vector<T> samples, double p)
{
    if (samples.empty())
        return 0;
    const size_t k = std::min(samples.size() - 1, size_t(p * double(samples.size() - 1) + 0.5));
    std::nth_element(samples.begin(), samples.begin() + std::ptrdiff_t(k), samples.end());
    return double(samples[k]);
}
