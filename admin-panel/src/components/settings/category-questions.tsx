import type { CategoryQuestion } from "../../api";
import { useApp } from "../../context";

const MAX_QUESTIONS = 5;

/** A question as the editor holds it: the placeholder as typed ("" for none). */
export type DraftQuestion = Omit<CategoryQuestion, "placeholder"> & { placeholder: string };

/** A category's form: up to five questions (label, example answer, short or paragraph, required). */
export function QuestionsFieldset({
  id,
  questions,
  editable,
  onChange,
}: {
  /** The category's element id prefix. */
  id: string;
  questions: DraftQuestion[];
  editable: boolean;
  onChange: (questions: DraftQuestion[]) => void;
}) {
  const { t } = useApp();
  const setQuestion = (index: number, change: Partial<DraftQuestion>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...change } : q)));
  return (
    <fieldset class="field questions">
      <legend>{t("settings.category.questions")}</legend>
      <small>{t("settings.category.questionsHint")}</small>
      {questions.length === 0 && <p class="muted">{t("settings.category.noQuestions")}</p>}
      {questions.map((question, index) => {
        const n = index + 1;
        const qid = `${id}-q${n}`;
        return (
          <div class="question" key={qid}>
            <div class="field-row">
              <div class="field">
                <label for={`${qid}-label`}>{t("settings.question.label", { n })}</label>
                <input
                  id={`${qid}-label`}
                  maxLength={45}
                  value={question.label}
                  disabled={!editable}
                  onInput={(e) => setQuestion(index, { label: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`${qid}-placeholder`}>{t("settings.question.placeholder")}</label>
                <input
                  id={`${qid}-placeholder`}
                  maxLength={100}
                  value={question.placeholder}
                  disabled={!editable}
                  onInput={(e) => setQuestion(index, { placeholder: e.currentTarget.value })}
                />
              </div>
              <div class="field narrow">
                <label for={`${qid}-style`}>{t("settings.question.style")}</label>
                <select
                  id={`${qid}-style`}
                  value={question.style}
                  disabled={!editable}
                  onChange={(e) =>
                    setQuestion(index, {
                      style: e.currentTarget.value === "paragraph" ? "paragraph" : "short",
                    })
                  }
                >
                  <option value="short">{t("settings.question.short")}</option>
                  <option value="paragraph">{t("settings.question.paragraph")}</option>
                </select>
              </div>
            </div>
            <div class="question-foot">
              <label class="check">
                <input
                  type="checkbox"
                  checked={question.required}
                  disabled={!editable}
                  onChange={(e) => setQuestion(index, { required: e.currentTarget.checked })}
                />
                <span>{t("settings.question.required")}</span>
              </label>
              {editable && (
                <button
                  type="button"
                  class="btn ghost"
                  onClick={() => onChange(questions.filter((_, i) => i !== index))}
                >
                  {t("settings.question.remove", { n })}
                </button>
              )}
            </div>
          </div>
        );
      })}
      {editable && questions.length < MAX_QUESTIONS && (
        <button
          type="button"
          class="btn"
          onClick={() =>
            onChange([...questions, { label: "", placeholder: "", style: "short", required: true }])
          }
        >
          {t("settings.question.add")}
        </button>
      )}
    </fieldset>
  );
}
