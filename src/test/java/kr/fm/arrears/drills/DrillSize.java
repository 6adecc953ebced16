package kr.fm.arrears.drills;

/**
 * How big a drill runs: {@code small} in every {@code ./mvnw test} (a few minutes for all drills
 * together), {@code large} with {@code -Ddrills.size=large} (100,000 leases where the issue asks for it).
 */
enum DrillSize {
    SMALL, LARGE;

    static DrillSize current() {
        return "large".equalsIgnoreCase(System.getProperty("drills.size", "small")) ? LARGE : SMALL;
    }

    int leases(int small, int large) {
        return this == LARGE ? large : small;
    }
}
