use super::super::{Decimal, MoneyError, allocate_minor};
use super::{d, m, strings};

#[test]
fn ten_over_three() {
    assert_eq!(
        strings(&m("10.00", "USD").split(3).unwrap()),
        ["3.34", "3.33", "3.33"]
    );
    assert_eq!(
        strings(&m("-10.00", "USD").split(3).unwrap()),
        ["-3.34", "-3.33", "-3.33"]
    );
    assert_eq!(
        strings(&m("100", "JPY").split(3).unwrap()),
        ["34", "33", "33"]
    );
    assert_eq!(
        strings(&m("0.002", "KWD").split(3).unwrap()),
        ["0.001", "0.001", "0.000"]
    );
}

#[test]
fn saleor_example() {
    // 500 × 4/49 = 40.82 and 500 × 45/49 = 459.18: floors 40 + 459 = 499, the last
    // cent goes to the larger remainder (index 0: 40/49 against 9/49).
    let parts = m("5.00", "USD").allocate(&[d("4.00"), d("45.00")]).unwrap();
    assert_eq!(strings(&parts), ["0.41", "4.59"]);
}

#[test]
fn ties_go_to_the_lowest_index() {
    assert_eq!(
        strings(&m("0.05", "USD").split(6).unwrap()),
        ["0.01", "0.01", "0.01", "0.01", "0.01", "0.00"]
    );
    assert_eq!(
        allocate_minor(2, &[d("1"), d("1"), d("1")]).unwrap(),
        [1, 1, 0]
    );
    // Not order-of-weights: the larger remainder wins (1/3 against 2/3).
    assert_eq!(allocate_minor(1, &[d("1"), d("2")]).unwrap(), [0, 1]);
    assert_eq!(allocate_minor(-1, &[d("1"), d("2")]).unwrap(), [0, -1]);
}

#[test]
fn weights_of_any_scale_and_zero_weights() {
    assert_eq!(
        strings(
            &m("1.00", "USD")
                .allocate(&[d("0.5"), d("0.25"), d("0.250")])
                .unwrap()
        ),
        ["0.50", "0.25", "0.25"]
    );
    assert_eq!(
        allocate_minor(7, &[d("0"), d("1"), d("0")]).unwrap(),
        [0, 7, 0]
    );
    assert_eq!(allocate_minor(0, &[d("1"), d("2")]).unwrap(), [0, 0]);
    assert_eq!(
        allocate_minor(5, &[d("0"), d("1"), d("1")]).unwrap(),
        [0, 3, 2]
    );
}

#[test]
fn errors() {
    assert_eq!(allocate_minor(1, &[]), Err(MoneyError::EmptyAllocation));
    assert_eq!(m("1.00", "USD").split(0), Err(MoneyError::EmptyAllocation));
    assert_eq!(
        allocate_minor(1, &[d("0"), d("0.00")]),
        Err(MoneyError::ZeroWeights)
    );
    assert_eq!(
        allocate_minor(1, &[d("1"), d("-1"), d("-2")]),
        Err(MoneyError::NegativeWeight { index: 1 })
    );
    let huge = d("79228162514264337593543950335");
    let tiny = d("0.0000000000000000000000000001");
    assert_eq!(
        allocate_minor(1, &[huge, tiny]),
        Err(MoneyError::Overflow { op: "allocate" })
    );
    assert_eq!(
        allocate_minor(i128::MAX, &[huge, Decimal::ONE]),
        Err(MoneyError::Overflow { op: "allocate" })
    );
}
