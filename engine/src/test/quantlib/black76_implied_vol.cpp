// QuantLib oracle for hedgeflow's Black-76 implied volatility (io.hedgeflow.greeks.ImpliedVol).
// Reads CSV rows "name,call,forward,strike,years,price" (price in USD, undiscounted: r = 0) on stdin and writes the
// same rows with QuantLib's implied volatility appended (empty when QuantLib finds none).
// Build and run once (Debian package libquantlib0-dev, QuantLib 1.29):
//   g++ -O2 -std=c++17 black76_implied_vol.cpp -lQuantLib -o /tmp/ql-iv && /tmp/ql-iv < inputs.csv > oracle.csv
#include <ql/pricingengines/blackformula.hpp>
#include <ql/version.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main()
{
    std::string line;
    std::cout.precision(17);
    while (std::getline(std::cin, line))
    {
        if (line.empty() || line[0] == '#' || line.rfind("name,", 0) == 0)
        {
            std::cout << line << (line.rfind("name,", 0) == 0 ? ",iv_quantlib" : "") << "\n";
            continue;
        }
        std::stringstream in(line);
        std::string name, call, f, k, t, p;
        std::getline(in, name, ',');
        std::getline(in, call, ',');
        std::getline(in, f, ',');
        std::getline(in, k, ',');
        std::getline(in, t, ',');
        std::getline(in, p, ',');
        const double forward = std::stod(f), strike = std::stod(k), years = std::stod(t), price = std::stod(p);
        const QuantLib::Option::Type type = call == "1" ? QuantLib::Option::Call : QuantLib::Option::Put;
        std::string iv;
        try
        {
            const double stdDev = QuantLib::blackFormulaImpliedStdDev(
                type, strike, forward, price, 1.0, 0.0, QuantLib::Null<QuantLib::Real>(), 1e-15, 10000);
            std::ostringstream out;
            out.precision(17);
            out << stdDev / std::sqrt(years);
            iv = out.str();
        }
        catch (const std::exception&)
        {
        }
        std::cout << line << "," << iv << "\n";
    }
    std::cerr << "QuantLib " << QL_VERSION << "\n";
    return 0;
}
