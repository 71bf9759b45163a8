/**
 * The one catalogue of reasons: every typed GraphQL error of the system carries `extensions.reason`, a
 * stable UPPER_SNAKE English identifier for programs, beside its Vietnamese `message` for people. A
 * reason is added here before it is used anywhere (reasons.test.ts reads the sources to make sure).
 */

/** One entry of the catalogue: what the reason means (English, for developers) and the Vietnamese message a person sees when the code has nothing more specific to say. */
export interface ReasonEntry {
  meaning: string;
  message: string;
}

export const REASONS = {
  // Input values: counts, texts, measurements and the consistency of figures given together.
  AGE_BANDS_ABOVE_TOTAL: {
    meaning: 'The children counted by age band (0-2, 3-5, 6-8) add up to more than the children taking part.',
    message: 'Tổng số trẻ theo nhóm tuổi lớn hơn số trẻ em tham gia.',
  },
  AGE_BANDS_INCOMPLETE: {
    meaning: 'Some but not all of the three age bands were given; all three or none must be.',
    message: 'Vui lòng nhập đủ cả ba nhóm tuổi hoặc bỏ trống cả ba.',
  },
  AGE_OUT_OF_RANGE: {
    meaning:
      'An age in years is outside the range its row allows (the ages of the school level, or of the population survey).',
    message: 'Tuổi nằm ngoài khoảng cho phép.',
  },
  AMOUNT_TOO_LARGE: {
    meaning: 'A monthly amount of money is larger than a record can hold.',
    message: 'Số tiền quá lớn.',
  },
  COMPLETED_ABOVE_CHILDREN: {
    meaning: 'More children are counted as having completed primary school than there are children in the row.',
    message: 'Số trẻ hoàn thành tiểu học lớn hơn số trẻ em.',
  },
  COMPLETED_ABOVE_PRIMARY: {
    meaning:
      'More children are counted as having completed lower secondary school than as having completed primary school.',
    message: 'Số trẻ tốt nghiệp trung học cơ sở lớn hơn số trẻ hoàn thành tiểu học.',
  },
  COUNTS_EMPTY: {
    meaning: 'A population survey gives no row of counts.',
    message: 'Vui lòng nhập ít nhất một dòng số trẻ em.',
  },
  COUNT_TOO_LARGE: {
    meaning: 'A head count is larger than any commune, district or province could have.',
    message: 'Số lượng quá lớn.',
  },
  DISABLED_ABOVE_PUPILS: {
    meaning: 'An enrolment row counts more pupils with disabilities than pupils.',
    message: 'Số học sinh khuyết tật lớn hơn số học sinh.',
  },
  DUPLICATE_ROW: {
    meaning: 'Two rows of a table describe the same group (the same grade, age and sex).',
    message: 'Dòng này trùng với một dòng đã nhập.',
  },
  ECD_SERVED_ABOVE_PUPILS: {
    meaning:
      'An enrolment row counts more pupils reached by the early-childhood support services they need than pupils.',
    message: 'Số trẻ được tiếp cận dịch vụ hỗ trợ chăm sóc phát triển toàn diện lớn hơn số học sinh.',
  },
  ENROLMENT_EMPTY: {
    meaning: 'A school enrolment gives no row of pupils.',
    message: 'Vui lòng nhập ít nhất một dòng số học sinh.',
  },
  ENROLMENT_MISMATCH: {
    meaning: "A grade's pupils at the start of the year differ from the sum of its pupils by age.",
    message: 'Số học sinh đầu năm khác tổng số học sinh theo độ tuổi.',
  },
  GESTATIONAL_WEEK_INCONSISTENT: {
    meaning:
      "A visit's gestational week differs by more than three weeks from the one the expected delivery date gives.",
    message: 'Tuổi thai không khớp với ngày dự sinh.',
  },
  GESTATIONAL_WEEK_OUT_OF_RANGE: {
    meaning: 'A gestational week is not a whole number from 4 to 42.',
    message: 'Tuổi thai phải là số tuần nguyên từ 4 đến 42.',
  },
  GRADE_FLOW_MISSING: {
    meaning: 'A grade has pupils by age but no figures for the start of the year, completion and dropout.',
    message: 'Thiếu số học sinh đầu năm, hoàn thành và bỏ học của lớp này.',
  },
  GRADE_NOT_IN_LEVEL: {
    meaning: "A grade does not belong to the school's level.",
    message: 'Lớp này không thuộc cấp học của trường.',
  },
  INVALID_CURSOR: {
    meaning: 'A pagination cursor (`after`) is not one the service issued.',
    message: 'Con trỏ phân trang không hợp lệ.',
  },
  INVALID_PERSONAL_ID: {
    meaning: 'A personal identification number is not exactly 12 digits.',
    message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  },
  LENGTH_HEIGHT_NOT_A_NUMBER: {
    meaning: 'A length or height is not a finite number.',
    message: 'Chiều dài/chiều cao phải là một số.',
  },
  LENGTH_HEIGHT_OUT_OF_RANGE: {
    meaning: 'A length or height is outside 30-130 cm, which no child under five can measure.',
    message: 'Chiều dài/chiều cao không hợp lý đối với trẻ dưới 5 tuổi.',
  },
  MOTHER_AGE_OUT_OF_RANGE: {
    meaning: "The mother's birth year gives her an age outside 10-60 in the year of the expected delivery.",
    message: 'Năm sinh của mẹ không hợp lệ.',
  },
  NEGATIVE_AMOUNT: {
    meaning: 'An amount of money is negative or not a whole number of dong.',
    message: 'Số tiền phải là số đồng nguyên, không âm.',
  },
  NEGATIVE_COUNT: {
    meaning: 'A count is negative.',
    message: 'Số lượng không được âm.',
  },
  NOT_A_WHOLE_NUMBER: {
    meaning: 'A count, a year or another value that must be whole is not a whole number.',
    message: 'Giá trị phải là số nguyên.',
  },
  NUL_CHARACTER: {
    meaning: 'A text contains the NUL character (U+0000), which PostgreSQL cannot store.',
    message: 'Văn bản chứa ký tự không được phép (NUL).',
  },
  NUMBER_OUT_OF_RANGE: {
    meaning:
      'A number is too large to be represented (it overflows to infinity, e.g. 1e309) or larger than its field holds (a figure: 14 digits before the point).',
    message: 'Số quá lớn, không biểu diễn được.',
  },
  OUTCOMES_ABOVE_ENROLLED: {
    meaning: "A grade's pupils completing plus those dropping out exceed its pupils at the start of the year.",
    message: 'Số học sinh hoàn thành cộng số bỏ học lớn hơn số học sinh đầu năm.',
  },
  PAGE_SIZE_OUT_OF_RANGE: {
    meaning: 'A page size (`first`) is not a whole number from 1 to the largest page (500).',
    message: 'Số bản ghi mỗi trang phải từ 1 đến 500.',
  },
  PARENTS_ABOVE_PEOPLE_REACHED: {
    meaning: 'More parents and caregivers are counted than people reached in all.',
    message: 'Số cha mẹ, người chăm sóc trẻ lớn hơn tổng số người được tiếp cận.',
  },
  PARTICIPANTS_NOT_POSITIVE: {
    meaning: 'The number of participants is not a whole number of at least 1.',
    message: 'Số người tham gia phải là số nguyên dương.',
  },
  REQUIRED: {
    meaning: 'A required value is missing, a required text is blank or a list that needs items is empty.',
    message: 'Thông tin này không được để trống.',
  },
  TOO_LONG: {
    meaning: 'A text is longer than its field allows.',
    message: 'Nội dung quá dài.',
  },
  TOO_MANY_DECIMALS: {
    meaning:
      'A measurement, target value or figure has more decimals than are stored (weight to the gram, length or height to 0.01 cm, a milestone or figure to 0.0001).',
    message: 'Số đo có quá nhiều chữ số thập phân.',
  },
  TOO_YOUNG_TO_COMPLETE: {
    meaning: 'Children are counted as having completed a school level at an age too young to have done so.',
    message: 'Trẻ ở độ tuổi này chưa thể hoàn thành cấp học.',
  },
  TRAINED_ABOVE_TOTAL: {
    meaning: 'More staff trained in early childhood development are counted than staff in all.',
    message: 'Số cán bộ được tập huấn lớn hơn tổng số cán bộ.',
  },
  WEIGHT_ABOVE_MAXIMUM: {
    meaning: 'A weight is above 50 kg, which no child under five can weigh.',
    message: 'Cân nặng vượt quá mức có thể của trẻ dưới 5 tuổi.',
  },
  WEIGHT_NOT_A_NUMBER: {
    meaning: 'A weight is not a finite number.',
    message: 'Cân nặng phải là một số.',
  },
  WEIGHT_NOT_POSITIVE: {
    meaning: 'A weight is zero or negative.',
    message: 'Cân nặng phải lớn hơn 0 kg.',
  },

  // Dates, and the ages they give.
  AGE_60_MONTHS_OR_OLDER: {
    meaning:
      'The child is 60 months or older on the measurement day; the WHO growth standards cover children under five.',
    message: 'Chuẩn tăng trưởng của WHO chỉ áp dụng cho trẻ dưới 60 tháng tuổi.',
  },
  ASSESSED_BEFORE_YEAR: {
    meaning: 'An assessment is dated before the year it assesses.',
    message: 'Ngày đánh giá trước năm được đánh giá.',
  },
  BEFORE_BIRTH: {
    meaning: "A date of a child's record is before the child's birth date.",
    message: 'Ngày này trước ngày sinh của trẻ.',
  },
  BEFORE_FACILITY_OPENED: {
    meaning: 'An activity is dated before its facility was put into use.',
    message: 'Ngày tổ chức trước ngày thiết chế được đưa vào sử dụng.',
  },
  BEFORE_SCHOOL_OPENED: {
    meaning: 'Figures are given for a school year that ended before the school opened.',
    message: 'Năm học này kết thúc trước khi trường được thành lập.',
  },
  BELOW_MINIMUM_AGE: {
    meaning: 'A vaccine dose was given before the youngest age the immunisation schedule allows.',
    message: 'Trẻ chưa đủ tuổi tiêm mũi này.',
  },
  CHILD_OLDER_THAN_8: {
    meaning: 'The child is past 8 years old on the day recorded; the records kept here are of children 0-8.',
    message: 'Trẻ đã quá 8 tuổi; hồ sơ này chỉ ghi trẻ em từ 0 đến 8 tuổi.',
  },
  DATE_IN_FUTURE: {
    meaning: 'A date of something that has happened is after today (in Vietnam).',
    message: 'Ngày này ở tương lai.',
  },
  DATE_TOO_EARLY: {
    meaning: 'A date is before the first day the system holds data for (that of the oldest unit list).',
    message: 'Ngày này trước thời điểm hệ thống có dữ liệu.',
  },
  EMPTY_PERIOD: {
    meaning: 'A period asked for starts after it ends.',
    message: 'Ngày bắt đầu không được sau ngày kết thúc.',
  },
  END_BEFORE_START: {
    meaning: 'The end of a period is before its start.',
    message: 'Ngày kết thúc trước ngày bắt đầu.',
  },
  EXPECTED_DELIVERY_TOO_FAR: {
    meaning: 'An expected delivery date is more than 36 weeks ahead (a pregnancy is followed from its 4th week).',
    message: 'Ngày dự sinh quá xa so với hiện tại.',
  },
  INVALID_DATE: {
    meaning: 'A date is not a real day written YYYY-MM-DD within the years accepted.',
    message: 'Ngày không hợp lệ.',
  },
  INVALID_DATE_TIME: {
    meaning: 'A date-time is neither a day (YYYY-MM-DD) nor an ISO 8601 instant with its offset.',
    message: 'Thời điểm không hợp lệ.',
  },
  VISIT_AFTER_DELIVERY: {
    meaning: 'An antenatal visit is dated after the expected delivery date.',
    message: 'Ngày khám thai sau ngày dự sinh.',
  },
  YEAR_OUT_OF_RANGE: {
    meaning:
      'A year is outside those its field accepts: for figures, from that of the oldest unit list to the current or next year; in a plan file, 1990 to 2050.',
    message: 'Năm nằm ngoài phạm vi dữ liệu của hệ thống.',
  },

  // Administrative units.
  COMMUNE_REQUIRED_FOR_DATE: {
    meaning:
      "An activity's facility is registered in another unit list than the one valid on the activity's date, so the commune must be given.",
    message: 'Vui lòng nhập mã xã/phường theo danh mục đơn vị hành chính của ngày tổ chức.',
  },
  FACILITY_IN_OTHER_COMMUNE: {
    meaning: 'The commune given is not the one the facility lies in.',
    message: 'Thiết chế không thuộc xã/phường đã nhập.',
  },
  LOCATION_REQUIRED: {
    meaning: 'Neither a commune nor a facility says where an activity was held.',
    message: 'Vui lòng nhập mã xã/phường hoặc thiết chế nơi tổ chức.',
  },
  MALFORMED_UNIT_CODE: {
    meaning: 'A unit code is not 2 (province), 3 (district) or 5 (commune) digits.',
    message: 'Mã đơn vị hành chính phải gồm 2, 3 hoặc 5 chữ số.',
  },
  PERIOD_CROSSES_UNIT_LISTS: {
    meaning: 'A period spans a change of unit lists (1 July 2025) and must be recorded as two.',
    message: 'Khoảng thời gian không được vượt qua ngày 01/07/2025; vui lòng ghi riêng hai phần.',
  },
  UNIT_LEVEL_NOT_ALLOWED: {
    meaning: 'The unit is of a level (commune, district or province) that is not allowed here.',
    message: 'Đơn vị hành chính này không thuộc cấp được phép.',
  },
  UNIT_NOT_VALID_ON_DATE: {
    meaning: 'The code names a unit of another unit list, not one valid on the day in question.',
    message: 'Đơn vị hành chính này không tồn tại vào ngày đã nhập.',
  },
  UNIT_REQUIRED: {
    meaning: 'A national scheme has no unit of its own, so a unit must be chosen.',
    message: 'Vui lòng chọn một đơn vị hành chính.',
  },
  UNKNOWN_UNIT_CODE: {
    meaning: 'No administrative unit has this code in any unit list.',
    message: 'Không có đơn vị hành chính mang mã này.',
  },

  // Records and their workflows.
  CASE_TRANSITION_NOT_ALLOWED: {
    meaning: 'A child protection case cannot move to the status asked from its current status.',
    message: 'Vụ việc không thể chuyển sang trạng thái này.',
  },
  CHILD_ALREADY_REGISTERED: {
    meaning: 'A child with this personal identification number is already in the register.',
    message: 'Trẻ có số định danh cá nhân này đã có trong sổ quản lý trẻ em.',
  },
  CHILD_RECORD_MISMATCH: {
    meaning: "A measurement's sex or birth date differs from the linked child record.",
    message: 'Thông tin khác với sổ quản lý trẻ em.',
  },
  CONCURRENT_SUBMISSION: {
    meaning: 'Another copy of the same figures was written at the same moment; nothing was written.',
    message: 'Số liệu này vừa được ghi cùng lúc; vui lòng gửi lại.',
  },
  CONCURRENT_UPDATE: {
    meaning: 'Someone else changed the record after it was read; nothing was written.',
    message: 'Dữ liệu vừa được người khác cập nhật; vui lòng tải lại.',
  },
  CONTACT_ALREADY_RECORDED: {
    meaning: 'The same service on the same day is already recorded for the child.',
    message: 'Dịch vụ này đã được ghi nhận cho trẻ vào ngày này.',
  },
  DOSE_ALREADY_RECORDED: {
    meaning: 'This vaccine dose is already recorded for the child.',
    message: 'Mũi tiêm này đã được ghi nhận cho trẻ.',
  },
  DUPLICATE_FACILITY_NAME: {
    meaning: 'The commune already has a cultural or sports facility of this name.',
    message: 'Xã/phường này đã có thiết chế cùng tên.',
  },
  INDEPENDENT_GROUP_NOT_PRESCHOOL: {
    meaning:
      'An independent group or class is registered at a level other than preschool: only preschool education has independent nursery groups and classes.',
    message: 'Chỉ giáo dục mầm non có nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập.',
  },
  INVALID_ANTENATAL_VISIT: {
    meaning: 'An antenatal visit was refused; `problems` lists every problem.',
    message: 'Thông tin lần khám thai có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_CHILD_ACTIVITY: {
    meaning: "A children's activity was refused; `problems` lists every problem.",
    message: 'Thông tin hoạt động cho trẻ em có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_CHILD_POPULATION: {
    meaning: 'Universal education survey figures were refused; `problems` lists every problem.',
    message: 'Số liệu điều tra phổ cập có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_CHILD_REGISTRATION: {
    meaning: 'A child registration was refused; `problems` lists every problem.',
    message: 'Thông tin đăng ký trẻ có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_CULTURAL_FACILITY: {
    meaning: 'A cultural or sports facility was refused; `problems` lists every problem.',
    message: 'Thông tin thiết chế văn hóa, thể thao có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_GROWTH_MEASUREMENT: {
    meaning: 'A growth measurement was refused; `problems` lists every problem.',
    message: 'Số đo có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_HEALTH_SERVICE_CONTACT: {
    meaning: 'A health or nutrition service was refused; `problems` lists every problem.',
    message: 'Thông tin dịch vụ y tế, dinh dưỡng có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_IMMUNISATION: {
    meaning: 'A vaccine dose was refused; `problems` lists every problem.',
    message: 'Thông tin mũi tiêm có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_OUTREACH: {
    meaning: 'A communication campaign or family education session was refused; `problems` lists every problem.',
    message: 'Thông tin đợt truyền thông hoặc buổi giáo dục đời sống gia đình có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_PARENTING_SESSION: {
    meaning: 'A parenting session was refused; `problems` lists every problem.',
    message: 'Thông tin buổi sinh hoạt có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_PILOT_MODEL: {
    meaning: 'A pilot model was refused; `problems` lists every problem.',
    message: 'Thông tin mô hình thí điểm có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_PREGNANCY: {
    meaning: 'A followed pregnancy was refused; `problems` lists every problem.',
    message: 'Thông tin quản lý thai có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_PROTECTION_CASE: {
    meaning: 'A child protection case was refused; `problems` lists every problem.',
    message: 'Thông tin vụ việc có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_PROTECTION_CASE_UPDATE: {
    meaning: 'A step of a child protection case was refused; `problems` lists every problem.',
    message: 'Thông tin cập nhật vụ việc có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_REFERRAL: {
    meaning: 'A referral to another sector was refused; `problems` lists every problem.',
    message: 'Yêu cầu chuyển tuyến có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_REFERRAL_NETWORK: {
    meaning: 'An assessment of the referral network was refused; `problems` lists every problem.',
    message: 'Thông tin đánh giá mạng lưới chuyển tuyến có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_REFERRAL_TRANSITION: {
    meaning: 'A step of a referral was refused for its reason (missing or too long); `problems` lists every problem.',
    message: 'Thông tin xử lý yêu cầu chuyển tuyến có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_SCHOOL: {
    meaning: 'A school registration was refused; `problems` lists every problem.',
    message: 'Thông tin trường có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_SCHOOL_ENROLMENT: {
    meaning: "A school's enrolment figures were refused; `problems` lists every problem.",
    message: 'Số liệu học sinh có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_SCHOOL_SURVEY: {
    meaning: 'A school survey was refused; `problems` lists every problem.',
    message: 'Phiếu khảo sát trường học có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_SOCIAL_SUPPORT: {
    meaning: 'A social support record was refused; `problems` lists every problem.',
    message: 'Thông tin trợ giúp xã hội có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_SPECIAL_CIRCUMSTANCE: {
    meaning: 'A record of a child in special circumstances was refused; `problems` lists every problem.',
    message: 'Hồ sơ trẻ em có hoàn cảnh đặc biệt có lỗi; không có dữ liệu nào được ghi.',
  },
  PROTECTION_CASE_NOT_FOUND: {
    meaning: 'No child protection case has this id.',
    message: 'Không có vụ việc này.',
  },
  REASON_REQUIRED: {
    meaning:
      'A step that needs a reason (returning a report, declining a referral, recording it not delivered) was given none.',
    message: 'Vui lòng ghi lý do.',
  },
  REFERRAL_NOT_FOUND: {
    meaning: 'No referral has this id.',
    message: 'Không có yêu cầu chuyển tuyến này.',
  },
  REFERRAL_TRANSITION_NOT_ALLOWED: {
    meaning: 'A referral cannot take this step from its current status, or someone else moved it first.',
    message: 'Yêu cầu chuyển tuyến không thể chuyển sang trạng thái này.',
  },
  SAME_SECTOR: {
    meaning: 'A referral is addressed to the sector it comes from.',
    message: 'Chuyển tuyến phải sang dịch vụ của một ngành khác.',
  },
  SCHOOL_ALREADY_REGISTERED: {
    meaning: 'The commune already has a school of this name.',
    message: 'Xã/phường này đã có trường cùng tên.',
  },
  SPECIAL_CIRCUMSTANCE_NOT_FOUND: {
    meaning: 'No record of a child in special circumstances has this id.',
    message: 'Không có hồ sơ trẻ em có hoàn cảnh đặc biệt này.',
  },
  UNKNOWN_CHILD_RECORD: {
    meaning: 'No child record has this id.',
    message: 'Không có trẻ này trong sổ quản lý trẻ em.',
  },
  UNKNOWN_FACILITY: {
    meaning: 'No cultural or sports facility has this id.',
    message: 'Không có thiết chế văn hóa, thể thao này.',
  },
  UNKNOWN_PREGNANCY: {
    meaning: 'No followed pregnancy has this id.',
    message: 'Không có thai phụ này trong sổ quản lý thai.',
  },
  UNKNOWN_SCHOOL: {
    meaning: 'No school has this id.',
    message: 'Không có trường này.',
  },
  UNKNOWN_STATION: {
    meaning: 'No health station has this id.',
    message: 'Không có trạm y tế này.',
  },
  VISIT_ALREADY_RECORDED: {
    meaning: 'An antenatal visit on this day is already recorded for the pregnancy.',
    message: 'Lần khám thai ngày này đã được ghi nhận.',
  },

  // Plans and the registry (plan files, indicators, agencies).
  AGENCY_CODE_UNIT_MISMATCH: {
    meaning:
      "An agency's code does not end with the code of the unit it serves (<ABBREVIATION>-<unit code>, or -<unit code>-2025).",
    message: 'Mã cơ quan phải kết thúc bằng mã đơn vị hành chính mà cơ quan phục vụ.',
  },
  AGENCY_OUTSIDE_PLAN_SCOPE: {
    meaning:
      "An agency a plan names serves a unit outside the plan's scope: it must serve the plan's unit or a unit inside it (across the 2025 reform), or be a national body.",
    message: 'Cơ quan này không thuộc địa bàn của kế hoạch.',
  },
  COMPARATOR_DOES_NOT_FIT_INDICATOR: {
    meaning:
      "A milestone's comparator cannot express a target on its indicator: a yes/no indicator takes only EQ, and no target can lie below 0 or above a rate's scale (a value outside the indicator's range has a reason of its own).",
    message: 'Phép so sánh của mốc không phù hợp với chỉ số.',
  },
  DUPLICATE_AGENCY_CODE: {
    meaning: 'Two agencies of an agency document have the same code.',
    message: 'Mã cơ quan bị trùng trong tệp.',
  },
  DUPLICATE_MILESTONE: {
    meaning: 'Two milestones of a target have the same year and comparator.',
    message: 'Mốc này bị trùng.',
  },
  DUPLICATE_PLAN_KEY: {
    meaning: 'A plan with this key is already held.',
    message: 'Đã có kế hoạch mang mã này.',
  },
  DUPLICATE_PLAN_NUMBER: {
    meaning: "The plan's official document number already belongs to another plan.",
    message: 'Số hiệu văn bản này đã thuộc một kế hoạch khác.',
  },
  DUPLICATE_TARGET_CODE: {
    meaning: 'Two targets of a plan have the same code.',
    message: 'Mã chỉ tiêu bị trùng trong kế hoạch.',
  },
  FUNCTION_OUTSIDE_AGENCY_PERIOD: {
    meaning: "A sector function's interval is not inside the period of the agency performing it.",
    message: 'Thời gian thực hiện chức năng nằm ngoài thời gian hoạt động của cơ quan.',
  },
  FUNCTION_PERIODS_OVERLAP: {
    meaning: 'Two intervals of the same function of an agency overlap.',
    message: 'Hai khoảng thời gian của cùng một chức năng bị chồng lên nhau.',
  },
  INVALID_AGENCY_DOCUMENT: {
    meaning: 'An agency document was refused; `problems` lists every problem with its path in the document.',
    message: 'Tệp danh mục cơ quan có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_DOCUMENT: {
    meaning: 'A plan document was refused; `problems` lists every problem with its path in the document.',
    message: 'Tệp kế hoạch có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_DUE_DATE: {
    meaning: 'A reporting due date (MM-DD) is not a day of the year.',
    message: 'Hạn báo cáo không phải một ngày trong năm.',
  },
  MALFORMED_AGENCY_CODE: {
    meaning: 'An agency code is not upper-case letters, digits, hyphens and underscores (e.g. SYT-20).',
    message: 'Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số, dấu gạch ngang và gạch dưới (ví dụ SYT-20).',
  },
  MALFORMED_PLAN_KEY: {
    meaning: 'A plan key is not lower-case letters, digits and hyphens (e.g. lang-son-2019-de-an-1437).',
    message: 'Mã kế hoạch chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.',
  },
  MILESTONES_WITHOUT_INDICATOR: {
    meaning: 'A qualitative target (one without an indicator) has milestones.',
    message: 'Mục tiêu định tính không có mốc định lượng; vui lòng khai báo chỉ số.',
  },
  MISSING_MILESTONES: {
    meaning: 'A target with an indicator has no milestone.',
    message: 'Chỉ tiêu định lượng cần ít nhất một mốc.',
  },
  MISSING_REVIEW_YEARS: {
    meaning: 'A midterm or final review rule names no year.',
    message: 'Báo cáo sơ kết, tổng kết cần năm thực hiện.',
  },
  NO_ASSIGNED_AGENCIES: {
    meaning: 'Reporting falls to the agencies assigned tasks, but the plan assigns none.',
    message: 'Kế hoạch chưa giao nhiệm vụ cho cơ quan nào để báo cáo.',
  },
  RATE_OUT_OF_RANGE: {
    meaning: "A rate (a milestone of a ratio indicator) is outside 0 to the indicator's scale (100 for a percentage).",
    message: 'Giá trị tỷ lệ nằm ngoài khoảng cho phép (từ 0 đến 100 đối với tỷ lệ phần trăm).',
  },
  SCHEMA_VIOLATION: {
    meaning: 'A document does not follow its file format in a way no more specific reason names.',
    message: 'Tệp không đúng định dạng quy định.',
  },
  SCOPE_NOT_ALLOWED: {
    meaning: 'A national scheme names an administrative unit, which it must not.',
    message: 'Đề án quốc gia không gắn với một đơn vị hành chính.',
  },
  SCOPE_REQUIRED: {
    meaning: 'A local plan names no administrative unit.',
    message: 'Kế hoạch địa phương phải gắn với một đơn vị hành chính.',
  },
  SYNTAX_ERROR: {
    meaning: 'A document is not valid YAML or JSON.',
    message: 'Tệp không đúng cú pháp YAML hoặc JSON.',
  },
  TOO_MANY_ITEMS: {
    meaning: 'A list in a document holds more items than its field allows.',
    message: 'Danh sách có quá nhiều mục.',
  },
  UNIT_DAY_OUTSIDE_AGENCY_PERIOD: {
    meaning: "The day an agency's unit is identified on (`unit.asOf`) lies outside the agency's own period.",
    message: 'Ngày xác định đơn vị hành chính nằm ngoài thời gian hoạt động của cơ quan.',
  },
  UNKNOWN_AGENCY: {
    meaning: 'No agency has this code in the registry.',
    message: 'Không có cơ quan mang mã này trong danh mục.',
  },
  UNKNOWN_FIELD: {
    meaning:
      'A document has a field its format does not define (often a misspelt name); it would otherwise be ignored.',
    message: 'Trường này không có trong định dạng của tệp.',
  },
  UNKNOWN_INDICATOR: {
    meaning: "No indicator has this code in the registry, or it is not among the plan's targets.",
    message: 'Không có chỉ số này trong danh mục hoặc trong kế hoạch.',
  },
  UNKNOWN_PARENT_PLAN: {
    meaning: 'The parent plan named is not held, or is the plan itself.',
    message: 'Không có kế hoạch cấp trên này.',
  },
  UNKNOWN_PLAN: {
    meaning: 'No plan has this key.',
    message: 'Không có kế hoạch này.',
  },
  BASELINE_NOT_BEFORE_MILESTONES: {
    meaning: "A target's baseline year is not before its first milestone.",
    message: 'Năm cơ sở phải trước mốc đầu tiên của chỉ tiêu.',
  },
  BASELINE_WITHOUT_INDICATOR: {
    meaning: 'A qualitative target (no indicator) has a baseline.',
    message: 'Mục tiêu định tính không có mốc cơ sở.',
  },
  UNIT_OUTSIDE_PLAN_SCOPE: {
    meaning: "The unit asked lies outside the plan's scope (its unit's ground, across the 2025 reform).",
    message: 'Đơn vị hành chính này nằm ngoài địa bàn của kế hoạch.',
  },
  VALUE_NOT_ALLOWED: {
    meaning: 'A value of a document is not one of those its field takes (the message lists them).',
    message: 'Giá trị này không thuộc các giá trị được phép.',
  },
  WRONG_TYPE: {
    meaning: 'A value of a document is of another type than its field takes (text, number, list, group of fields).',
    message: 'Giá trị không đúng kiểu dữ liệu.',
  },
  YEAR_OUTSIDE_PERIOD: {
    meaning: "A year lies outside the plan's period.",
    message: 'Năm nằm ngoài thời kỳ kế hoạch.',
  },

  // Reporting: periods, reports and the figures they carry.
  DENOMINATOR_NOT_POSITIVE: {
    meaning: 'A denominator is given but is not greater than 0.',
    message: 'Mẫu số phải lớn hơn 0.',
  },
  DUPLICATE_VALUE: {
    meaning: 'A report gives two values of the same indicator for the same unit.',
    message: 'Giá trị của chỉ số này cho đơn vị này đã được khai báo.',
  },
  ILLEGAL_STATUS_TRANSITION: {
    meaning: 'A report cannot take this step (submit, accept, return) from its current status.',
    message: 'Báo cáo không thể chuyển sang trạng thái này.',
  },
  INDICATOR_COMPUTED: {
    meaning: "The indicator is computed from the sector's own records, so no aggregate figure is taken for it.",
    message: 'Chỉ số này được tính từ dữ liệu gốc, không nhận số liệu tổng hợp.',
  },
  INDICATOR_NOT_OWNED: {
    meaning: 'The indicator is not one this sector records.',
    message: 'Chỉ số này không do ngành này ghi nhận.',
  },
  INVALID_INDICATOR_VALUE: {
    meaning: 'An aggregate indicator figure was refused; `problems` lists every problem.',
    message: 'Số liệu có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_VALUES: {
    meaning: "A report's values were refused; `problems` lists every problem.",
    message: 'Số liệu báo cáo có lỗi; không có dữ liệu nào được ghi.',
  },
  INVALID_REPORT_TEXT: {
    meaning: "A report's own texts (note, difficulties, proposals) were refused; `problems` lists every problem.",
    message: 'Nội dung báo cáo có lỗi; không có dữ liệu nào được ghi.',
  },
  MISSING_DENOMINATOR: {
    meaning: 'A value of a rate indicator has no denominator greater than 0.',
    message: 'Chỉ số tỷ lệ cần mẫu số lớn hơn 0.',
  },
  NEGATIVE_VALUE: {
    meaning: 'A numerator is negative or not a finite number.',
    message: 'Tử số phải là số không âm.',
  },
  NOT_AN_EXPECTED_REPORTER: {
    meaning: 'The agency is not expected to report in this period.',
    message: 'Cơ quan này không phải báo cáo trong kỳ này.',
  },
  NOT_A_BOOLEAN: {
    meaning: 'A value of a yes/no indicator is neither 0 nor 1.',
    message: 'Chỉ số có/không chỉ nhận 1 (có) hoặc 0 (không).',
  },
  NO_RECIPIENT: {
    meaning:
      "Neither a reporting rule's recipient nor any agency performing its function (in its unit, the units that succeeded it or above) exists on the due day.",
    message: 'Không còn cơ quan nhận báo cáo vào ngày hạn.',
  },
  NO_REPORTERS: {
    meaning: 'None of the agencies that should report still exists on the due day.',
    message: 'Không còn cơ quan nào phải báo cáo vào ngày hạn.',
  },
  NO_REPORTING_RULE: {
    meaning: 'The plan defines no reporting of this frequency.',
    message: 'Kế hoạch không quy định loại báo cáo này.',
  },
  NO_REVIEW_THAT_YEAR: {
    meaning: 'The plan defines no review of this kind in this year.',
    message: 'Kế hoạch không quy định báo cáo này trong năm đã chọn.',
  },
  NUMERATOR_ABOVE_DENOMINATOR: {
    meaning: 'A numerator is larger than its denominator.',
    message: 'Tử số lớn hơn mẫu số.',
  },
  PERIOD_ALREADY_OPEN: {
    meaning: 'This reporting period of the plan is already open.',
    message: 'Kỳ báo cáo này đã được mở.',
  },
  PERIOD_CLOSED: {
    meaning:
      'The reporting period is closed: reports can no longer be created, edited or submitted, and it cannot be closed again.',
    message: 'Kỳ báo cáo đã đóng.',
  },
  SUBMISSION_FROZEN: {
    meaning: 'A submitted report cannot be edited; a correction is a new version.',
    message: 'Báo cáo đã nộp không thể sửa; vui lòng tạo phiên bản mới để đính chính.',
  },
  UNEXPECTED_DENOMINATOR: {
    meaning: 'A value of a count or yes/no indicator has a denominator.',
    message: 'Chỉ số đếm hoặc có/không không có mẫu số.',
  },
  UNKNOWN_PERIOD: {
    meaning: 'No reporting period has this id.',
    message: 'Không có kỳ báo cáo này.',
  },
  UNKNOWN_SUBMISSION: {
    meaning: 'No report has this id.',
    message: 'Không có báo cáo này.',
  },
  VERSION_IN_PROGRESS: {
    meaning: "The agency's latest report is still a draft or awaiting review, so no new version can start.",
    message: 'Phiên bản trước chưa được xử lý xong; vui lòng sửa bản nháp hoặc chờ duyệt.',
  },

  // File imports (Excel templates and bulk loads): problems of the file, each located by sheet, row and column.
  DUPLICATE_COLUMN: {
    meaning: 'An uploaded file has two columns with the same heading.',
    message: 'Cột này xuất hiện hai lần.',
  },
  INVALID_IMPORT: {
    meaning:
      'An uploaded file was refused; `problems` lists every problem with its sheet, row and column, and nothing was written.',
    message: 'Tệp có lỗi; không có dữ liệu nào được ghi.',
  },
  MISSING_COLUMN: {
    meaning: "An uploaded file's header row lacks a column the import requires.",
    message: 'Tệp thiếu một cột bắt buộc.',
  },
  NO_ROWS: {
    meaning: 'An uploaded file holds no data row below its header.',
    message: 'Tệp không có dòng số liệu nào.',
  },
  TEMPLATE_MISMATCH: {
    meaning: 'An uploaded template was made for another import, another sector or an older version of the template.',
    message: 'Tệp không phải mẫu nhập của mục này hoặc là mẫu cũ; vui lòng tải mẫu mới.',
  },
  UNREADABLE_FILE: {
    meaning: 'An uploaded file cannot be read as the CSV (UTF-8) or XLSX file it claims to be.',
    message: 'Không đọc được tệp; vui lòng lưu lại dạng .xlsx hoặc CSV UTF-8.',
  },
  UNSUPPORTED_FILE_TYPE: {
    meaning: 'An uploaded file is neither CSV nor XLSX (e.g. an Excel 97-2003 .xls file or a PDF).',
    message: 'Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.',
  },

  // Identity and access.
  AUDIT_UNAVAILABLE: {
    meaning: 'The access to personal data could not be written to the audit log, so the data is withheld.',
    message: 'Không ghi được nhật ký truy cập nên dữ liệu không được trả về; vui lòng thử lại sau.',
  },
  CLAIMS_INVALID: {
    meaning: "The access token lacks or misstates the user's roles, sector or unit.",
    message: 'Mã truy cập không ghi đủ vai trò, ngành hoặc đơn vị của người dùng.',
  },
  GATEWAY_TOKEN_INVALID: {
    meaning: "The gateway's signed token on a subgraph call is invalid or expired.",
    message: 'Chữ ký của cổng liên thông không hợp lệ hoặc đã hết hạn.',
  },
  GATEWAY_TOKEN_REQUIRED: {
    meaning: "A subgraph was called without the gateway's signed token.",
    message: 'Dịch vụ ngành chỉ trả lời yêu cầu do cổng liên thông ký.',
  },
  LOOKUP_IN_LIST: {
    meaning: 'A field taking a personal identification number is asked inside a list, so it would run once per item.',
    message: 'Không được tra cứu số định danh cá nhân trong một danh sách.',
  },
  LOOKUP_RATE_LIMITED: {
    meaning: 'The person has used up their lookups by personal identification number for the window.',
    message: 'Bạn đã tra cứu theo số định danh cá nhân đến mức tối đa; vui lòng thử lại sau.',
  },
  NO_ACCESS_RULE: {
    meaning: 'The field has no access rule, so it is closed to everyone.',
    message: 'Trường dữ liệu này chưa có quy tắc truy cập nên bị đóng.',
  },
  ONE_LOOKUP_PER_REQUEST: {
    meaning: 'A request uses more than one field taking a personal identification number.',
    message: 'Mỗi yêu cầu chỉ được dùng một số định danh cá nhân.',
  },
  OUTSIDE_SCOPE: {
    meaning: "The unit or data lies outside the person's territory, or national content is asked by a local officer.",
    message: 'Dữ liệu này nằm ngoài địa bàn bạn được giao phụ trách.',
  },
  OTHER_AGENCY: {
    meaning:
      "A sector officer wrote or submitted another agency's report: only one's own agency's (lead agency and admin excepted).",
    message: 'Bạn chỉ được lập và nộp báo cáo của cơ quan mình.',
  },
  ROLE_NOT_ALLOWED: {
    meaning: "The person's roles do not allow this field or action.",
    message: 'Vai trò của bạn không được phép xem hoặc thực hiện nội dung này.',
  },
  SECTOR_NOT_ALLOWED: {
    meaning: "The field or action belongs to another sector than the person's.",
    message: 'Nội dung này không thuộc ngành của bạn.',
  },
  TOKEN_EXPIRED: {
    meaning: 'The access token has expired.',
    message: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  },
  TOKEN_INVALID: {
    meaning: 'The access token is malformed or its signature, issuer or audience is wrong.',
    message: 'Mã truy cập không hợp lệ.',
  },
  TOKEN_REQUIRED: {
    meaning: 'The request carries no access token (Authorization: Bearer).',
    message: 'Vui lòng đăng nhập để tiếp tục.',
  },
  UNKNOWN_SCOPE_UNIT: {
    meaning: 'The unit in the access token is not a current administrative unit.',
    message: 'Đơn vị phụ trách ghi trong mã truy cập không phải đơn vị hành chính hiện hành.',
  },

  // Requests the GraphQL libraries refuse before any rule of ours runs.
  INVALID_VARIABLE: {
    meaning:
      "A variable's value does not fit its declared type (a text for a number, a missing required field, an unknown enum value); `field` names it.",
    message: 'Giá trị của biến không đúng kiểu dữ liệu.',
  },
  OPERATION_UNRESOLVED: {
    meaning:
      'The operation to run cannot be told: the name given is not in the document, or it holds several operations and none is named.',
    message: 'Không xác định được thao tác cần chạy.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    meaning:
      'The request names a persisted query (automatic persisted queries) instead of sending its text; none is kept.',
    message: 'Hệ thống không nhận truy vấn lưu sẵn (persisted query); vui lòng gửi toàn văn truy vấn.',
  },
  QUERY_INVALID: {
    meaning: 'The query does not fit the schema (an unknown field or argument, a wrong type) or breaks a GraphQL rule.',
    message: 'Truy vấn GraphQL không hợp lệ.',
  },
  QUERY_SYNTAX_ERROR: {
    meaning: 'The query text is not valid GraphQL syntax.',
    message: 'Truy vấn GraphQL sai cú pháp.',
  },

  // Request limits and transport.
  BAD_REQUEST: {
    meaning: 'The HTTP request is refused for a reason no more specific reason names.',
    message: 'Yêu cầu HTTP không hợp lệ.',
  },
  CLIENT_CLOSED_REQUEST: {
    meaning: 'The caller closed the connection, so the subgraph calls still running were cancelled.',
    message: 'Người gửi đã đóng kết nối; yêu cầu đã bị hủy.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    meaning:
      'A mutation with the same Idempotency-Key is still running and did not finish while this one waited for it (the statement time limit); nothing was written by this one.',
    message: 'Yêu cầu cùng Idempotency-Key đang được xử lý; vui lòng gửi lại sau ít phút với cùng khóa.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    meaning:
      'The Idempotency-Key was already used by the same person for a different request (another mutation, selection or variables) while the key is kept (24 hours by default); nothing was written.',
    message: 'Idempotency-Key này đã được dùng cho một yêu cầu khác; vui lòng tạo khóa mới cho mỗi yêu cầu.',
  },
  IDEMPOTENCY_STORE_UNAVAILABLE: {
    meaning:
      "The gateway could not check the mutation's Idempotency-Key against the store its replicas share (Redis unreachable); nothing was sent to any sector, so nothing was written. Send it again later with the same key.",
    message:
      'Chưa kiểm tra được Idempotency-Key nên yêu cầu chưa được gửi đi và chưa có dữ liệu nào được ghi; vui lòng gửi lại sau ít phút với cùng khóa.',
  },
  INTROSPECTION_DISABLED: {
    meaning:
      'The query asks for the schema itself (introspection: __schema or __type), which the service does not answer here (INTROSPECTION; off in production by default).',
    message: 'Hệ thống không trả lời truy vấn cấu trúc lược đồ (introspection) ở môi trường này.',
  },
  MALFORMED_BODY: {
    meaning: "The request body's length does not match its Content-Length.",
    message: 'Độ dài nội dung yêu cầu không khớp với Content-Length.',
  },
  MALFORMED_IDEMPOTENCY_KEY: {
    meaning:
      'The Idempotency-Key header is not 8 to 128 characters of A-Z, a-z, 0-9, "_" and "-" (a UUID is recommended).',
    message: 'Idempotency-Key không hợp lệ: phải gồm 8 đến 128 ký tự A-Z, a-z, 0-9, "_" hoặc "-" (nên dùng UUID).',
  },
  MALFORMED_JSON: {
    meaning: 'The request body is not valid JSON.',
    message: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  },
  PAYLOAD_TOO_LARGE: {
    meaning: 'The request body is larger than a service reads (5 MB).',
    message: 'Nội dung yêu cầu quá lớn.',
  },
  QUERY_TOO_COSTLY: {
    meaning: 'The answer to the query is estimated to hold more values than allowed.',
    message: 'Truy vấn quá lớn; vui lòng giảm số bản ghi mỗi trang hoặc tách thành nhiều truy vấn.',
  },
  QUERY_TOO_DEEP: {
    meaning: 'The query nests fields deeper than allowed.',
    message: 'Truy vấn lồng quá sâu; vui lòng tách thành nhiều truy vấn.',
  },
  RATE_LIMITED: {
    meaning: 'The caller sent more requests per minute than allowed (HTTP 429, with Retry-After).',
    message: 'Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.',
  },
  REQUEST_ABORTED: {
    meaning: 'The request was cut off before its whole body arrived.',
    message: 'Yêu cầu bị ngắt trước khi gửi hết nội dung.',
  },
  REQUEST_TIMEOUT: {
    meaning: 'The request passed its deadline, so the subgraph calls still running were cancelled.',
    message: 'Yêu cầu vượt quá thời hạn xử lý và đã bị hủy.',
  },
  SUBGRAPH_HTTP_ERROR: {
    meaning: "A sector's subgraph answered with an HTTP error and no GraphQL error.",
    message: 'Dịch vụ của ngành trả lời lỗi; vui lòng thử lại sau.',
  },
  SUBGRAPH_OUTCOME_UNKNOWN: {
    meaning:
      "A mutation reached a sector's subgraph but no answer came back (the connection was cut, the subgraph stopped, or the call timed out): it may or may not have been applied. Sending it again with the same Idempotency-Key applies it at most once.",
    message:
      'Không rõ dữ liệu đã được ghi hay chưa; vui lòng gửi lại đúng yêu cầu này với cùng Idempotency-Key để dữ liệu chỉ được ghi một lần.',
  },
  SUBGRAPH_TIMEOUT: {
    meaning: "A sector's subgraph did not answer within its time limit, so the call was aborted.",
    message: 'Dịch vụ của ngành không trả lời kịp thời; vui lòng thử lại sau.',
  },
  SUBGRAPH_UNREACHABLE: {
    meaning:
      "A sector's subgraph could not be reached (for a query, also a connection lost mid-call); a mutation gets it only when the call never reached the subgraph, so nothing was written.",
    message: 'Dịch vụ của ngành hiện không phản hồi; vui lòng thử lại sau.',
  },
  SUBSCRIPTIONS_NOT_SUPPORTED: {
    meaning: 'The operation is a subscription, which the system does not serve.',
    message: 'Hệ thống không hỗ trợ subscription; vui lòng dùng query.',
  },
  TOO_MANY_ALIASES: {
    meaning: 'The query uses more aliases than allowed.',
    message: 'Truy vấn dùng quá nhiều bí danh (alias).',
  },
  TOO_MANY_DIRECTIVES: {
    meaning: 'The query uses more directives than allowed.',
    message: 'Truy vấn dùng quá nhiều chỉ thị (directive).',
  },
  TOO_MANY_IN_FLIGHT: {
    meaning:
      'The caller already has as many requests in flight and waiting for their turn as one person may, or this one waited for its turn half its deadline; it was sent nowhere (HTTP 429, with Retry-After).',
    message: 'Bạn đang có quá nhiều yêu cầu đang xử lý; vui lòng chờ các yêu cầu trước hoàn tất rồi thử lại.',
  },
  TOO_MANY_TOKENS: {
    meaning: 'The query text has more tokens than allowed.',
    message: 'Truy vấn quá dài; vui lòng tách thành nhiều truy vấn.',
  },
  UNEXPECTED_ERROR: {
    meaning: 'An error nobody foresaw; it is logged in full and the client gets a generic message.',
    message: 'Lỗi hệ thống, vui lòng thử lại sau hoặc liên hệ quản trị viên.',
  },
  UNKNOWN_OPERATION: {
    meaning: 'The document holds no operation of the name given, or several operations and no name.',
    message: 'Không xác định được thao tác cần chạy; vui lòng ghi đúng tên thao tác (operationName).',
  },
  UNKNOWN_ROUTE: {
    meaning: 'No route serves this path.',
    message: 'Không có địa chỉ này; GraphQL ở /graphql.',
  },
  UNSUPPORTED_CHARSET: {
    meaning: 'The request body is in a character set other than UTF-8.',
    message: 'Bảng mã của nội dung yêu cầu không được hỗ trợ; vui lòng dùng UTF-8.',
  },
  UNSUPPORTED_ENCODING: {
    meaning: 'The request body is compressed in an encoding the service does not read.',
    message: 'Kiểu nén nội dung yêu cầu không được hỗ trợ.',
  },
} as const satisfies Record<string, ReasonEntry>;

export type Reason = keyof typeof REASONS;

export const isReason = (value: unknown): value is Reason => typeof value === 'string' && Object.hasOwn(REASONS, value);

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The catalogue as a Markdown table (reason, meaning, Vietnamese message), as the README lists it. */
export function reasonCatalogueMarkdown(): string {
  const rows = (Object.entries(REASONS) as [Reason, ReasonEntry][])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, { meaning, message }]) => `| \`${reason}\` | ${cell(meaning)} | ${cell(message)} |`);
  return ['| reason | meaning | message |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
